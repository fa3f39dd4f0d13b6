using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.PostgreSql.Content
{
    /// <inheritdoc />
    public partial class MediaBlobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Content_MediaBlobs",
                columns: table => new
                {
                    StoredName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_MediaBlobs", x => x.StoredName);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Content_MediaBlobs");
        }
    }
}
