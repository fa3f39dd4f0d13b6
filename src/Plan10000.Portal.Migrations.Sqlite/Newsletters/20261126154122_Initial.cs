using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Newsletters
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Newsletters_Newsletters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ScheduledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SendStartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletters_Newsletters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Newsletters_OptOuts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletters_OptOuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Newsletters_Subscribers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClubId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ConsentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConsentIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsentForm = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ConsentText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConfirmNonce = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletters_Subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Newsletters_Deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NewsletterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Newsletters_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Newsletters_Deliveries_Newsletters_Newsletters_NewsletterId",
                        column: x => x.NewsletterId,
                        principalTable: "Newsletters_Newsletters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Deliveries_NewsletterId_Email",
                table: "Newsletters_Deliveries",
                columns: new[] { "NewsletterId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Deliveries_NewsletterId_Status_Id",
                table: "Newsletters_Deliveries",
                columns: new[] { "NewsletterId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Newsletters_ClubId_Status",
                table: "Newsletters_Newsletters",
                columns: new[] { "ClubId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Newsletters_Status",
                table: "Newsletters_Newsletters",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_OptOuts_ClubId_Email",
                table: "Newsletters_OptOuts",
                columns: new[] { "ClubId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Newsletters_Subscribers_ClubId_Email",
                table: "Newsletters_Subscribers",
                columns: new[] { "ClubId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Newsletters_Deliveries");

            migrationBuilder.DropTable(
                name: "Newsletters_OptOuts");

            migrationBuilder.DropTable(
                name: "Newsletters_Subscribers");

            migrationBuilder.DropTable(
                name: "Newsletters_Newsletters");
        }
    }
}
