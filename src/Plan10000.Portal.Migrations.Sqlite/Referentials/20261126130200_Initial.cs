using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Referentials
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referentials_Departements",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referentials_Departements", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Referentials_Entries",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referentials_Entries", x => new { x.Kind, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "Referentials_Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referentials_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Referentials_Thematiques",
                columns: table => new
                {
                    Numero = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ServicesCompetents = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Transversal = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referentials_Thematiques", x => x.Numero);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referentials_Departements_RegionCode",
                table: "Referentials_Departements",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Referentials_Departements");

            migrationBuilder.DropTable(
                name: "Referentials_Entries");

            migrationBuilder.DropTable(
                name: "Referentials_Regions");

            migrationBuilder.DropTable(
                name: "Referentials_Thematiques");
        }
    }
}
