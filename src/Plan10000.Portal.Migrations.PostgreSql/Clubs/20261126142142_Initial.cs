using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Clubs
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clubs_Clubs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DepartementCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ReferentContacts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ValidatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Clubs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clubs_Animators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClubId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Animators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clubs_Animators_Clubs_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs_Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Clubs_Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClubId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    VideoUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Agenda = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MinutesFiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clubs_Meetings_Clubs_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs_Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Clubs_Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClubId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clubs_Memberships_Clubs_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs_Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Clubs_Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ThemeNumero = table.Column<int>(type: "integer", nullable: true),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clubs_Decisions_Clubs_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Clubs_Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Clubs_Registrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clubs_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clubs_Registrations_Clubs_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Clubs_Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Animators_ClubId_UserId",
                table: "Clubs_Animators",
                columns: new[] { "ClubId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Clubs_DepartementCode_Status",
                table: "Clubs_Clubs",
                columns: new[] { "DepartementCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Decisions_MeetingId",
                table: "Clubs_Decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Meetings_ClubId_StartsAtUtc",
                table: "Clubs_Meetings",
                columns: new[] { "ClubId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Memberships_ClubId_CompanyId",
                table: "Clubs_Memberships",
                columns: new[] { "ClubId", "CompanyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Memberships_CompanyId",
                table: "Clubs_Memberships",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Clubs_Registrations_MeetingId_CompanyId",
                table: "Clubs_Registrations",
                columns: new[] { "MeetingId", "CompanyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Clubs_Animators");

            migrationBuilder.DropTable(
                name: "Clubs_Decisions");

            migrationBuilder.DropTable(
                name: "Clubs_Memberships");

            migrationBuilder.DropTable(
                name: "Clubs_Registrations");

            migrationBuilder.DropTable(
                name: "Clubs_Meetings");

            migrationBuilder.DropTable(
                name: "Clubs_Clubs");
        }
    }
}
