using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.SqlServer.Companies
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Companies_Companies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Siren = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    Siret = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeCode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    SectorCode = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Postcode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    City = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Website = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    StatusReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecisionNotifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    CharterSignerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CharterSignerRole = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CharterSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CharterId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    CharterVersion = table.Column<int>(type: "int", nullable: false),
                    FicheVersion = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_Companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies_SignupDrafts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Step = table.Column<int>(type: "int", nullable: false),
                    PayloadJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_SignupDrafts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Companies_Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    ThemeNumero = table.Column<int>(type: "int", nullable: false),
                    PublicCodes = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    IntentionQuantity = table.Column<int>(type: "int", nullable: true),
                    IntentionUnit = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IntentionYear = table.Column<int>(type: "int", nullable: true),
                    ResultQuantity = table.Column<int>(type: "int", nullable: true),
                    ResultComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ResultReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_Commitments_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Companies_Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Item = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Granted = table.Column<bool>(type: "bit", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TextVersion = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_Consents_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Companies_FicheVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CommitmentsJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_FicheVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_FicheVersions_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Companies_JoinRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies_JoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Companies_JoinRequests_Companies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies_Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Commitments_CompanyId_Position",
                table: "Companies_Commitments",
                columns: new[] { "CompanyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Commitments_ThemeNumero",
                table: "Companies_Commitments",
                column: "ThemeNumero");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Siren",
                table: "Companies_Companies",
                column: "Siren",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Slug",
                table: "Companies_Companies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_DepartementCode",
                table: "Companies_Companies",
                columns: new[] { "Status", "DepartementCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Consents_CompanyId_Item",
                table: "Companies_Consents",
                columns: new[] { "CompanyId", "Item" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_FicheVersions_CompanyId_Number",
                table: "Companies_FicheVersions",
                columns: new[] { "CompanyId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_JoinRequests_CompanyId_UserId",
                table: "Companies_JoinRequests",
                columns: new[] { "CompanyId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Companies_Commitments");

            migrationBuilder.DropTable(
                name: "Companies_Consents");

            migrationBuilder.DropTable(
                name: "Companies_FicheVersions");

            migrationBuilder.DropTable(
                name: "Companies_JoinRequests");

            migrationBuilder.DropTable(
                name: "Companies_SignupDrafts");

            migrationBuilder.DropTable(
                name: "Companies_Companies");
        }
    }
}
