using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Plan10000.Modules.Companies.Data;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <summary>
    /// The FTS5 table of <see cref="TrigramSearchIndex"/> kept each company's id as a column: a search had to read that
    /// id back from the table's copy of the text, row after row (~30 ms for « stage » at 10,000 companies), and every
    /// edit scanned the whole table for the id to delete. The index now has no content of its own and holds the listed
    /// companies only: its rowid is the integer key that <c>Companies_SearchKeys</c> gives each company id (an integer
    /// primary key, so VACUUM keeps it), and the search goes from matched rowids to ids through that small table (ADR 0028,
    /// amended). The model does not change, so there is no target model to record.
    /// </summary>
    [DbContext(typeof(CompaniesDbContext))]
    [Migration("20261206224000_SearchIndexKeys")]
    public partial class SearchIndexKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropIndex(migrationBuilder);
            migrationBuilder.Sql("CREATE TABLE \"Companies_SearchKeys\" (\"Key\" INTEGER NOT NULL PRIMARY KEY, \"Id\" TEXT NOT NULL UNIQUE);");
            migrationBuilder.Sql("INSERT INTO \"Companies_SearchKeys\" (\"Id\") SELECT \"Id\" FROM \"Companies_Companies\";");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"Companies_SearchIndex\" USING fts5(\"SearchText\", content = '', tokenize = 'trigram');");
            migrationBuilder.Sql("""
                INSERT INTO "Companies_SearchIndex" (rowid, "SearchText")
                SELECT k."Key", c."SearchText" FROM "Companies_Companies" AS c JOIN "Companies_SearchKeys" AS k ON k."Id" = c."Id"
                WHERE c."IsListed";
                """);

            // Only listed companies are indexed, so that a search alone is counted from the index (ADR 0028). A contentless
            // FTS5 table forgets a row only when told the text it indexed: the old row's text, which the trigger has.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Insert" AFTER INSERT ON "Companies_Companies" BEGIN
                  INSERT INTO "Companies_SearchKeys" ("Id") VALUES (new."Id");
                  INSERT INTO "Companies_SearchIndex" (rowid, "SearchText")
                  SELECT "Key", new."SearchText" FROM "Companies_SearchKeys" WHERE "Id" = new."Id" AND new."IsListed";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Update" AFTER UPDATE OF "Id", "SearchText", "IsListed" ON "Companies_Companies" BEGIN
                  INSERT INTO "Companies_SearchIndex" ("Companies_SearchIndex", rowid, "SearchText")
                  SELECT 'delete', "Key", old."SearchText" FROM "Companies_SearchKeys" WHERE "Id" = old."Id" AND old."IsListed";
                  UPDATE "Companies_SearchKeys" SET "Id" = new."Id" WHERE "Id" = old."Id";
                  INSERT INTO "Companies_SearchIndex" (rowid, "SearchText")
                  SELECT "Key", new."SearchText" FROM "Companies_SearchKeys" WHERE "Id" = new."Id" AND new."IsListed";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Delete" AFTER DELETE ON "Companies_Companies" BEGIN
                  INSERT INTO "Companies_SearchIndex" ("Companies_SearchIndex", rowid, "SearchText")
                  SELECT 'delete', "Key", old."SearchText" FROM "Companies_SearchKeys" WHERE "Id" = old."Id" AND old."IsListed";
                  DELETE FROM "Companies_SearchKeys" WHERE "Id" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropIndex(migrationBuilder);
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"Companies_SearchKeys\";");
            TrigramSearchIndex.Create(migrationBuilder);
        }

        private static void DropIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Insert\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"Companies_SearchIndex\";");
        }
    }
}
