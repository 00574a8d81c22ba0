package io.dbosj.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbosj.bench.Report.Cell;
import io.dbosj.bench.Report.Column;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

  @TempDir
  Path dir;

  private static Report report() {
    Report report = new Report();
    report.environment.put("date", "2026-11-25T08:43:25Z");
    Report.Row w1 = report.add("W1", "3-step workflow, one at a time: median", null);
    w1.cells().put(Column.DBOSJ, new Cell(2.0, "ms", "rounds 1.9..2.1, n=3"));
    w1.cells().put(Column.FLOOR, Cell.of(1.0, "ms"));
    w1.cells().put(Column.PEER, Cell.failed(new IllegalStateException("connection refused")));
    w1.cells().put(Column.DBOSJ_SQLITE, Cell.of(4.0, "ms"));
    Report.Row onlyFloor = report.add("W1", "one INSERT + COMMIT round trip: median", null);
    onlyFloor.cells().put(Column.FLOOR, Cell.of(0.28, "ms"));
    Report.Row w2 = report.add("W2", "32 callers, 3-step workflows", "a note");
    w2.cells().put(Column.DBOSJ, Cell.of(800, "workflows/s"));
    w2.cells().put(Column.PEER, Cell.of(400, "workflows/s"));
    Report.Row texts = report.add("W5", "every-second schedule: ticks missed / doubled", null);
    texts.cells().put(Column.DBOSJ, Cell.text("0 missed, 0 doubled of 60"));
    texts.cells().put(Column.FLOOR, Cell.text("n/a"));
    texts.cells().put(Column.DBOSJ_SQLITE, Cell.text("0 missed, 0 doubled of 60"));
    report.add("W6", "build + launch(), nothing measured", null);
    return report;
  }

  @Test
  void figuresWithNumbersInTwoColumnsBecomeGroupsAndOtherCellsAreLeftOut() {
    List<Chart.Group> groups = Chart.groups(report());

    assertThat(groups).extracting(Chart.Group::workload).containsExactly("W1", "W2");
    assertThat(groups.get(0).bars()).extracting(Chart.Bar::column)
        .containsExactly(Column.DBOSJ, Column.FLOOR, Column.DBOSJ_SQLITE);
    assertThat(groups.get(0).higherIsBetter()).isFalse();
    assertThat(groups.get(1).higherIsBetter()).isTrue();
  }

  @Test
  void theChartIsAReadablePngWithEachBarToScaleInItsColumnsColour() throws Exception {
    Report report = report();
    Path png = dir.resolve("BENCHMARKS.png");

    Chart.write(report, png);

    BufferedImage image = ImageIO.read(png.toFile());
    List<Chart.Group> groups = Chart.groups(report);
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(Chart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Chart.height(groups));

    Rectangle longest = Chart.barBounds(groups, 0, 2);
    Rectangle half = Chart.barBounds(groups, 0, 0);
    assertThat(longest.width).isEqualTo(Chart.BAR_SPAN);
    assertThat(half.width).isEqualTo(Chart.BAR_SPAN / 2);
    assertThat(pixel(image, longest.x + longest.width - 2, longest.y + longest.height / 2))
        .isEqualTo(Chart.colour(Column.DBOSJ_SQLITE));
    assertThat(pixel(image, half.x + half.width - 2, half.y + half.height / 2))
        .isEqualTo(Chart.colour(Column.DBOSJ));
    assertThat(pixel(image, half.x + half.width + 2, half.y + half.height / 2)).isEqualTo(Chart.BACKGROUND);

    Rectangle peer = Chart.barBounds(groups, 1, 1);
    assertThat(pixel(image, peer.x + peer.width / 2, peer.y + peer.height / 2)).isEqualTo(Chart.colour(Column.PEER));
  }

  @Test
  void theSameReportDrawsTheSamePixels() {
    BufferedImage one = Chart.render(report());
    BufferedImage two = Chart.render(report());

    assertThat(one.getRGB(0, 0, one.getWidth(), one.getHeight(), null, 0, one.getWidth()))
        .isEqualTo(two.getRGB(0, 0, two.getWidth(), two.getHeight(), null, 0, two.getWidth()));
  }

  @Test
  void aReportWithoutComparableFiguresStillDraws() {
    Report report = new Report();
    report.add("W1", "failed everywhere", null).cells().put(Column.DBOSJ, Cell.text("failed: boom"));

    BufferedImage image = Chart.render(report);

    assertThat(image.getWidth()).isEqualTo(Chart.WIDTH);
    assertThat(Chart.groups(report)).isEmpty();
  }

  @Test
  void theMarkdownShowsTheChartWrittenNextToItByItsRelativeName() throws Exception {
    Path markdown = dir.resolve("BENCHMARKS.md");

    String chart = Chart.writeBeside(report(), markdown);

    assertThat(chart).isEqualTo("BENCHMARKS.png");
    assertThat(Files.exists(dir.resolve(chart))).isTrue();
    assertThat(report().markdown(chart)).startsWith("# dbos-bench results\n\n![").contains("](BENCHMARKS.png)\n");
    assertThat(report().markdown(null)).doesNotContain("![");
  }

  private static Color pixel(BufferedImage image, int x, int y) {
    return new Color(image.getRGB(x, y));
  }
}
