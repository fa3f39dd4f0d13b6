using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Conventions
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conventions_Conventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ClubId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompanyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PartyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartsOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThemeNumeros = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IsSme = table.Column<bool>(type: "INTEGER", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TransitionConventionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransitionedOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_Conventions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conventions_DepartementReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Half = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferentContact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FollowUpOrganisation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PartnerAssociations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Examples = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    StrategyAndObstacles = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    QpvCount = table.Column<int>(type: "INTEGER", nullable: true),
                    PruCount = table.Column<int>(type: "INTEGER", nullable: true),
                    QpvPopulation = table.Column<int>(type: "INTEGER", nullable: true),
                    DefmInQpv = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_DepartementReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conventions_Amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SignedOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousEndsOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NewEndsOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_Amendments_Conventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions_Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conventions_Figures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeNumero = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Commitments = table.Column<int>(type: "INTEGER", nullable: false),
                    Companies = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_Figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_Figures_Conventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions_Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conventions_PaqteObjectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Axis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_PaqteObjectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_PaqteObjectives_Conventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions_Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Conventions_Signatories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quality = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conventions_Signatories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conventions_Signatories_Conventions_Conventions_ConventionId",
                        column: x => x.ConventionId,
                        principalTable: "Conventions_Conventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Amendments_ConventionId_Number",
                table: "Conventions_Amendments",
                columns: new[] { "ConventionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Conventions_ClubId",
                table: "Conventions_Conventions",
                column: "ClubId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Conventions_CompanyId",
                table: "Conventions_Conventions",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Conventions_DepartementCode_Kind",
                table: "Conventions_Conventions",
                columns: new[] { "DepartementCode", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Conventions_EndsOn",
                table: "Conventions_Conventions",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_DepartementReports_DepartementCode_Year_Half",
                table: "Conventions_DepartementReports",
                columns: new[] { "DepartementCode", "Year", "Half" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Figures_ConventionId",
                table: "Conventions_Figures",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_PaqteObjectives_ConventionId",
                table: "Conventions_PaqteObjectives",
                column: "ConventionId");

            migrationBuilder.CreateIndex(
                name: "IX_Conventions_Signatories_ConventionId",
                table: "Conventions_Signatories",
                column: "ConventionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Conventions_Amendments");

            migrationBuilder.DropTable(
                name: "Conventions_DepartementReports");

            migrationBuilder.DropTable(
                name: "Conventions_Figures");

            migrationBuilder.DropTable(
                name: "Conventions_PaqteObjectives");

            migrationBuilder.DropTable(
                name: "Conventions_Signatories");

            migrationBuilder.DropTable(
                name: "Conventions_Conventions");
        }
    }
}
