using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <inheritdoc />
    public partial class SirenFreedAfterRejection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Siren",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Siren",
                table: "Companies_Companies",
                column: "Siren");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Siren",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Siren",
                table: "Companies_Companies",
                column: "Siren",
                unique: true);
        }
    }
}
