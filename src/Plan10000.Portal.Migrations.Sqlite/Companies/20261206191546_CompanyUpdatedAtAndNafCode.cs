using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <inheritdoc />
    public partial class CompanyUpdatedAtAndNafCode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NafCode",
                table: "Companies_Companies",
                type: "TEXT",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Companies_Companies",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing companies: dated by their last recorded decision (validation, refusal, withdrawal), else their creation.
            migrationBuilder.Sql("""
                UPDATE "Companies_Companies" SET "UpdatedAt" = strftime('%Y-%m-%d %H:%M:%f', COALESCE("DecidedAt", "CreatedAt"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_Siret",
                table: "Companies_Companies",
                columns: new[] { "Status", "Siret" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_UpdatedAt",
                table: "Companies_Companies",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Status_Siret",
                table: "Companies_Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_UpdatedAt",
                table: "Companies_Companies");

            migrationBuilder.DropColumn(
                name: "NafCode",
                table: "Companies_Companies");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Companies_Companies");
        }
    }
}
