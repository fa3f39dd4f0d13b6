using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <inheritdoc />
    public partial class StateFacilitation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactUserId",
                table: "Companies_Companies",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Companies_IntermediationContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactedOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Offer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_IntermediationContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_IntermediationContacts_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Companies_Problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_Problems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_Problems_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Companies_ProblemMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromState = table.Column<bool>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_ProblemMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_ProblemMessages_Companies_Problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "Companies_Problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_IntermediationContacts_CompanyId_ContactedOn",
                table: "Companies_IntermediationContacts",
                columns: new[] { "CompanyId", "ContactedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_ProblemMessages_ProblemId_CreatedAt",
                table: "Companies_ProblemMessages",
                columns: new[] { "ProblemId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Problems_CompanyId_UpdatedAt",
                table: "Companies_Problems",
                columns: new[] { "CompanyId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Problems_DepartementCode_Status_UpdatedAt",
                table: "Companies_Problems",
                columns: new[] { "DepartementCode", "Status", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Companies_IntermediationContacts");

            migrationBuilder.DropTable(
                name: "Companies_ProblemMessages");

            migrationBuilder.DropTable(
                name: "Companies_Problems");

            migrationBuilder.DropColumn(
                name: "ContactUserId",
                table: "Companies_Companies");
        }
    }
}
