using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Accounts
{
    /// <inheritdoc />
    public partial class AuditMailAndPermissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Accounts_KnownPermissions",
                columns: table => new
                {
                    Permission = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts_KnownPermissions", x => x.Permission);
                });

            migrationBuilder.CreateTable(
                name: "Accounts_RolePermissions",
                columns: table => new
                {
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Permission = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts_RolePermissions", x => new { x.Role, x.Permission });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Accounts_KnownPermissions");

            migrationBuilder.DropTable(
                name: "Accounts_RolePermissions");
        }
    }
}
