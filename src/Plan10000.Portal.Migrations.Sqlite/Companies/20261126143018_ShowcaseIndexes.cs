using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <inheritdoc />
    public partial class ShowcaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Commitments_ThemeNumero",
                table: "Companies_Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_Name_Id",
                table: "Companies_Companies",
                columns: new[] { "Status", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Commitments_CompanyId_ThemeNumero",
                table: "Companies_Commitments",
                columns: new[] { "CompanyId", "ThemeNumero" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Status_Name_Id",
                table: "Companies_Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Commitments_CompanyId_ThemeNumero",
                table: "Companies_Commitments");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Commitments_ThemeNumero",
                table: "Companies_Commitments",
                column: "ThemeNumero");
        }
    }
}
