using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Plan10000.Modules.Companies.Data;

#nullable disable

namespace Plan10000.Portal.Migrations.Sqlite.Companies
{
    /// <summary>
    /// The showcase search on SQLite read every company's <c>SearchText</c> (<c>instr</c>, ~75 ms at 10,000): an FTS5
    /// table with the trigram tokenizer answers the same substring question from an index (ADR 0028). It keeps its own
    /// copy of the text with the company's id, kept in step by triggers, because a table without an integer primary key
    /// may see its rowids renumbered by VACUUM. The model does not change, so there is no target model to record.
    /// </summary>
    [DbContext(typeof(CompaniesDbContext))]
    [Migration("20261206163000_TrigramSearchIndex")]
    public partial class TrigramSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder);

        /// <summary>Also what <see cref="SearchIndexKeys"/> puts back when it is reverted.</summary>
        internal static void Create(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS \"Companies_SearchIndex\" USING fts5(\"Id\" UNINDEXED, \"SearchText\", tokenize = 'trigram');");
            migrationBuilder.Sql("INSERT INTO \"Companies_SearchIndex\" (\"Id\", \"SearchText\") SELECT \"Id\", \"SearchText\" FROM \"Companies_Companies\";");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Insert" AFTER INSERT ON "Companies_Companies" BEGIN
                  INSERT INTO "Companies_SearchIndex" ("Id", "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Update" AFTER UPDATE OF "Id", "SearchText" ON "Companies_Companies" BEGIN
                  DELETE FROM "Companies_SearchIndex" WHERE "Id" = old."Id";
                  INSERT INTO "Companies_SearchIndex" ("Id", "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Companies_SearchIndex_Delete" AFTER DELETE ON "Companies_Companies" BEGIN
                  DELETE FROM "Companies_SearchIndex" WHERE "Id" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Companies_SearchIndex_Insert\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"Companies_SearchIndex\";");
        }
    }
}
