using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Plan10000.Portal.Migrations.SqlServer.Content
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Content_CharterVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Number = table.Column<int>(type: "int", nullable: false),
                    ContentItemId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Html = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_CharterVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Content_Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CoverUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CoverAlt = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SeoTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SeoDescription = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Tags = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PublishAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UnpublishAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Themes = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Publics = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Taille = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Secteur = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Departement = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    CompanyId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Results = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Contact = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: true),
                    ServiceCompetent = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Eligibility = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    HowToApply = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UsefulLinks = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Content_KitContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    Structure = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_KitContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Content_Media",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StoredName = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    OriginalName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Alt = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    UploadedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Media", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Content_TerritorialKits",
                columns: table => new
                {
                    DepartementCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    QpvCount = table.Column<int>(type: "int", nullable: true),
                    QpvPopulation = table.Column<int>(type: "int", nullable: true),
                    DefmQpv = table.Column<int>(type: "int", nullable: true),
                    PruCount = table.Column<int>(type: "int", nullable: true),
                    Introduction = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_TerritorialKits", x => x.DepartementCode);
                });

            migrationBuilder.CreateTable(
                name: "Content_Versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContentItemId = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Snapshot = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AuthorId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Content_CharterVersions_Number",
                table: "Content_CharterVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_Kind_Slug",
                table: "Content_Items",
                columns: new[] { "Kind", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_Kind_Status",
                table: "Content_Items",
                columns: new[] { "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_PublishAt",
                table: "Content_Items",
                column: "PublishAt");

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_UnpublishAt",
                table: "Content_Items",
                column: "UnpublishAt");

            migrationBuilder.CreateIndex(
                name: "IX_Content_KitContacts_DepartementCode",
                table: "Content_KitContacts",
                column: "DepartementCode");

            migrationBuilder.CreateIndex(
                name: "IX_Content_Media_StoredName",
                table: "Content_Media",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_Versions_ContentItemId_Number",
                table: "Content_Versions",
                columns: new[] { "ContentItemId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Content_CharterVersions");

            migrationBuilder.DropTable(
                name: "Content_Items");

            migrationBuilder.DropTable(
                name: "Content_KitContacts");

            migrationBuilder.DropTable(
                name: "Content_Media");

            migrationBuilder.DropTable(
                name: "Content_TerritorialKits");

            migrationBuilder.DropTable(
                name: "Content_Versions");
        }
    }
}
