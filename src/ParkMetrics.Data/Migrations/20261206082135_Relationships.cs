using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ParkMetrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Relationships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IndicatorId = table.Column<int>(type: "integer", nullable: false),
                    PartIndicatorId = table.Column<int>(type: "integer", nullable: true),
                    BaseIndicatorId = table.Column<int>(type: "integer", nullable: true),
                    BaseParkId = table.Column<int>(type: "integer", nullable: true),
                    BaseOnParent = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.CheckConstraint("CK_Relationships_BasePark", "NOT (\"BaseOnParent\" AND \"BaseParkId\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Relationships_Indicators_BaseIndicatorId",
                        column: x => x.BaseIndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_Indicators_PartIndicatorId",
                        column: x => x.PartIndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_Parks_BaseParkId",
                        column: x => x.BaseParkId,
                        principalTable: "Parks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_BaseIndicatorId",
                table: "Relationships",
                column: "BaseIndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_BaseParkId",
                table: "Relationships",
                column: "BaseParkId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_IndicatorId",
                table: "Relationships",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_Kind_IndicatorId_PartIndicatorId_BaseIndicato~",
                table: "Relationships",
                columns: new[] { "Kind", "IndicatorId", "PartIndicatorId", "BaseIndicatorId" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_PartIndicatorId",
                table: "Relationships",
                column: "PartIndicatorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Relationships");
        }
    }
}
