using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Companies
{
    /// <inheritdoc />
    public partial class KeysetPaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Status_DepartementCode",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Consents_Item_Granted_CompanyId",
                table: "Companies_Consents",
                columns: new[] { "Item", "Granted", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_DepartementCode_Name_Id",
                table: "Companies_Companies",
                columns: new[] { "Status", "DepartementCode", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Consents_Item_Granted_CompanyId",
                table: "Companies_Consents");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Status_DepartementCode_Name_Id",
                table: "Companies_Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Status_DepartementCode",
                table: "Companies_Companies",
                columns: new[] { "Status", "DepartementCode" });
        }
    }
}
