using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Companies
{
    /// <inheritdoc />
    public partial class CompanyIsListed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsListed",
                table: "Companies_Companies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Approved and agreed to show its name (PublicationItems.Name = « Nom »), as CompaniesDbContext keeps it from now on.
            migrationBuilder.Sql("""
                UPDATE "Companies_Companies" AS c SET "IsListed" = c."Status" = 'Approved' AND EXISTS (
                    SELECT 1 FROM "Companies_Consents" AS x
                    WHERE x."CompanyId" = c."Id" AND x."Item" = 'Nom' AND x."Granted");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Listed_DepartementCode_Name_Id",
                table: "Companies_Companies",
                columns: new[] { "DepartementCode", "Name", "Id", "IsListed" },
                filter: "\"IsListed\"");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Companies_Listed_Name_Id",
                table: "Companies_Companies",
                columns: new[] { "Name", "Id", "IsListed" },
                filter: "\"IsListed\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Listed_DepartementCode_Name_Id",
                table: "Companies_Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_Companies_Listed_Name_Id",
                table: "Companies_Companies");

            migrationBuilder.DropColumn(
                name: "IsListed",
                table: "Companies_Companies");
        }
    }
}
