using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.SqlServer.Indicators
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicators_Aggregates",
                columns: table => new
                {
                    DefinitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Total = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Contributors = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Aggregates", x => new { x.DefinitionId, x.Period, x.DepartementCode });
                });

            migrationBuilder.CreateTable(
                name: "Indicators_Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Paqte = table.Column<bool>(type: "bit", nullable: false),
                    OpensAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsDemo = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators_Definitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ThemeNumero = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Periodicity = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    NationalTarget = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    IntentionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators_Values",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DefinitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectKind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false),
                    Value = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Source = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ValidatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SupersededById = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Values", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Indicators_Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectKind = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Submissions_Indicators_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Indicators_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators_DepartementTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DefinitionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Target = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_DepartementTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_DepartementTargets_Indicators_Definitions_DefinitionId",
                        column: x => x.DefinitionId,
                        principalTable: "Indicators_Definitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators_Transitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    To = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators_Transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_Transitions_Indicators_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Indicators_Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Aggregates_DepartementCode_Period",
                table: "Indicators_Aggregates",
                columns: new[] { "DepartementCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Campaigns_DueAtUtc",
                table: "Indicators_Campaigns",
                column: "DueAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Definitions_Code",
                table: "Indicators_Definitions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_DepartementTargets_DefinitionId_DepartementCode",
                table: "Indicators_DepartementTargets",
                columns: new[] { "DefinitionId", "DepartementCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Submissions_CampaignId_DepartementCode_Status",
                table: "Indicators_Submissions",
                columns: new[] { "CampaignId", "DepartementCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Submissions_CampaignId_SubjectKind_SubjectId",
                table: "Indicators_Submissions",
                columns: new[] { "CampaignId", "SubjectKind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Transitions_SubmissionId_AtUtc",
                table: "Indicators_Transitions",
                columns: new[] { "SubmissionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Values_DepartementCode_DefinitionId_Period",
                table: "Indicators_Values",
                columns: new[] { "DepartementCode", "DefinitionId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Values_SubjectId_DefinitionId_Period",
                table: "Indicators_Values",
                columns: new[] { "SubjectId", "DefinitionId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_Values_SubmissionId",
                table: "Indicators_Values",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Indicators_Aggregates");

            migrationBuilder.DropTable(
                name: "Indicators_DepartementTargets");

            migrationBuilder.DropTable(
                name: "Indicators_Transitions");

            migrationBuilder.DropTable(
                name: "Indicators_Values");

            migrationBuilder.DropTable(
                name: "Indicators_Definitions");

            migrationBuilder.DropTable(
                name: "Indicators_Submissions");

            migrationBuilder.DropTable(
                name: "Indicators_Campaigns");
        }
    }
}
