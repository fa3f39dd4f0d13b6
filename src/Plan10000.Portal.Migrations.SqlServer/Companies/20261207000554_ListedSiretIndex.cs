using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.SqlServer.Companies
{
    /// <inheritdoc />
    public partial class ListedSiretIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Status_Siret",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Listed_Siret_Id",
                table: "Companies_Companies",
                columns: new[] { "Siret", "Id", "IsListed" },
                filter: "[IsListed] = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Listed_Siret_Id",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_Siret",
                table: "Companies_Companies",
                columns: new[] { "Status", "Siret" });
        }
    }
}
