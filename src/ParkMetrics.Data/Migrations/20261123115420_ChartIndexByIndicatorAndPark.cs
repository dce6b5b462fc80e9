using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParkMetrics.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChartIndexByIndicatorAndPark : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_IndicatorId_PeriodKind_PeriodStart",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_Chart",
                table: "Observations",
                columns: new[] { "IndicatorId", "ParkId", "EnterpriseId", "PeriodKind", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Observations_Chart",
                table: "Observations");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_IndicatorId_PeriodKind_PeriodStart",
                table: "Observations",
                columns: new[] { "IndicatorId", "PeriodKind", "PeriodStart" });
        }
    }
}
