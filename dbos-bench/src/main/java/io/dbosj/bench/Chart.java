package io.dbosj.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The report as a PNG: a group of horizontal bars for each figure measured (as a number) in at
 * least two columns, the bars to scale within their group, each labelled with its value and its
 * ratio to io.dbosj (PostgreSQL). Cells that are missing or only text are left out.
 */
final class Chart {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  static final int WIDTH = 1200;
  private static final int MARGIN = 24;
  private static final int LABEL_WIDTH = 250;
  private static final int VALUE_WIDTH = 220;
  private static final int BAR_LEFT = MARGIN + LABEL_WIDTH + 10;
  static final int BAR_SPAN = WIDTH - MARGIN - VALUE_WIDTH - BAR_LEFT;
  private static final int HEADER = 110;
  private static final int GROUP_TITLE = 30;
  private static final int BAR_HEIGHT = 22;
  private static final int BAR_STEP = 28;
  private static final int GROUP_GAP = 22;

  static final Color BACKGROUND = Color.WHITE;
  private static final Color INK = new Color(0x222222);
  private static final Color MUTED = new Color(0x666666);
  private static final Color RULE = new Color(0xDDDDDD);

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
  private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /** One column's number for a figure. */
  record Bar(Report.Column column, double value) {}

  /** One figure: the columns that measured it, in column order, all in one unit. */
  record Group(String workload, String figure, String unit, List<Bar> bars) {
    boolean higherIsBetter() {
      return unit.endsWith("/s");
    }
  }

  private Chart() {}

  static Color colour(Report.Column column) {
    return switch (column) {
      case DBOSJ -> new Color(0x0072B2);
      case FLOOR -> new Color(0x999999);
      case PEER -> new Color(0xD55E00);
      case DBOSJ_SQLITE -> new Color(0x56B4E9);
    };
  }

  /** Where the chart for {@code markdown} goes: the same name with .png for .md. */
  static Path besideMarkdown(Path markdown) {
    String name = markdown.getFileName().toString();
    String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    return markdown.resolveSibling(stem + ".png");
  }

  /** Writes the chart next to {@code markdown}; its file name, or null when it could not be drawn. */
  static String writeBeside(Report report, Path markdown) {
    Path png = besideMarkdown(markdown);
    try {
      write(report, png);
      System.err.println("wrote " + png);
      return png.getFileName().toString();
    } catch (Exception | Error e) { // a JVM without fonts fails with an Error; the tables are still worth writing
      System.err.println("no chart: " + e);
      return null;
    }
  }

  static void write(Report report, Path png) throws IOException {
    if (!ImageIO.write(render(report), "png", png.toFile())) {
      throw new IOException("no PNG writer");
    }
  }

  static List<Group> groups(Report report) {
    List<Group> groups = new ArrayList<>();
    for (Report.Row row : report.rows) {
      if (row.workload().equals("W7")) {
        continue; // its "floor" is javac without the processor, not plain JDBC: the table says so, a bar would not
      }
      List<Bar> bars = new ArrayList<>();
      String unit = null;
      for (Report.Column column : Report.Column.values()) {
        Report.Cell cell = row.cells().get(column);
        if (measured(cell) && (unit == null || unit.equals(cell.unit()))) {
          unit = cell.unit();
          bars.add(new Bar(column, cell.value()));
        }
      }
      if (bars.size() >= 2) {
        groups.add(new Group(row.workload(), row.figure(), unit, List.copyOf(bars)));
      }
    }
    return groups;
  }

  private static boolean measured(Report.Cell cell) {
    return cell != null && cell.value() != null && Double.isFinite(cell.value()) && cell.unit() != null;
  }

  static BufferedImage render(Report report) {
    List<Group> groups = groups(report);
    BufferedImage image = new BufferedImage(WIDTH, height(groups), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      smooth(g);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      drawHeader(g, groups.isEmpty());
      for (int i = 0; i < groups.size(); i++) {
        drawGroup(g, groups, i);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  static int height(List<Group> groups) {
    return groupTop(groups, groups.size()) + (groups.isEmpty() ? GROUP_TITLE : 0) + MARGIN - GROUP_GAP;
  }

  /** Where bar {@code bar} of group {@code group} is drawn. */
  static Rectangle barBounds(List<Group> groups, int group, int bar) {
    Group g = groups.get(group);
    int y = groupTop(groups, group) + GROUP_TITLE + bar * BAR_STEP;
    return new Rectangle(BAR_LEFT, y, length(g, g.bars().get(bar).value()), BAR_HEIGHT);
  }

  private static int groupTop(List<Group> groups, int group) {
    int y = HEADER;
    for (int i = 0; i < group; i++) {
      y += GROUP_TITLE + groups.get(i).bars().size() * BAR_STEP + GROUP_GAP;
    }
    return y;
  }

  private static int length(Group group, double value) {
    double max = group.bars().stream().mapToDouble(Bar::value).max().orElse(0);
    if (max <= 0 || value <= 0) {
      return 0;
    }
    return (int) Math.max(2, Math.round(value / max * BAR_SPAN));
  }

  private static void smooth(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
  }

  private static void drawHeader(Graphics2D g, boolean empty) {
    g.setColor(INK);
    g.setFont(TITLE);
    g.drawString("dbos-bench results", MARGIN, MARGIN + 20);
    g.setColor(MUTED);
    g.setFont(TEXT);
    g.drawString("Bars are to scale within each figure; \u00d7 is the value divided by io.dbosj (PostgreSQL)'s."
        + " Cells that are missing, n/a or failed are left out.", MARGIN, MARGIN + 44);
    drawLegend(g, MARGIN + 72);
    if (empty) {
      g.setColor(MUTED);
      g.drawString("No figure has numbers in two columns.", MARGIN, HEADER + 20);
    }
  }

  private static void drawLegend(Graphics2D g, int baseline) {
    int x = MARGIN;
    for (Report.Column column : Report.Column.values()) {
      g.setColor(colour(column));
      g.fillRect(x, baseline - 12, 14, 14);
      g.setColor(INK);
      g.drawString(column.title, x + 20, baseline);
      x += 20 + g.getFontMetrics().stringWidth(column.title) + 28;
    }
  }

  private static void drawGroup(Graphics2D g, List<Group> groups, int index) {
    Group group = groups.get(index);
    int top = groupTop(groups, index);
    if (index > 0) {
      g.setColor(RULE);
      g.drawLine(MARGIN, top - GROUP_GAP / 2, WIDTH - MARGIN, top - GROUP_GAP / 2);
    }

    String better = group.unit() + ", " + (group.higherIsBetter() ? "higher" : "lower") + " is better";
    g.setFont(TEXT);
    g.setColor(MUTED);
    int betterWidth = g.getFontMetrics().stringWidth(better);
    g.drawString(better, WIDTH - MARGIN - betterWidth, top + 18);
    g.setFont(HEADING);
    g.setColor(INK);
    g.drawString(fit(g, group.workload() + " \u00b7 " + group.figure(), WIDTH - 2 * MARGIN - betterWidth - 20),
        MARGIN, top + 18);

    g.setFont(TEXT);
    Double reference = referenceValue(group);
    for (int b = 0; b < group.bars().size(); b++) {
      drawBar(g, group, group.bars().get(b), barBounds(groups, index, b), reference);
    }
    Rectangle first = barBounds(groups, index, 0);
    g.setColor(MUTED);
    g.setStroke(new BasicStroke(1));
    g.drawLine(BAR_LEFT, first.y - 3, BAR_LEFT, first.y + (group.bars().size() - 1) * BAR_STEP + BAR_HEIGHT + 3);
  }

  private static Double referenceValue(Group group) {
    return group.bars().stream()
        .filter(b -> b.column() == Report.Column.DBOSJ && b.value() != 0)
        .map(Bar::value)
        .findFirst()
        .orElse(null);
  }

  private static void drawBar(Graphics2D g, Group group, Bar bar, Rectangle bounds, Double reference) {
    FontMetrics metrics = g.getFontMetrics();
    int baseline = bounds.y + (BAR_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
    String label = fit(g, bar.column().title, LABEL_WIDTH);
    g.setColor(INK);
    g.drawString(label, BAR_LEFT - 10 - metrics.stringWidth(label), baseline);

    g.setColor(colour(bar.column()));
    g.fill(bounds);

    int x = bounds.x + bounds.width + 6;
    String value = Report.number(bar.value()) + " " + group.unit();
    g.setColor(INK);
    g.drawString(value, x, baseline);
    if (reference != null && bar.column() != Report.Column.DBOSJ) {
      g.setColor(MUTED);
      g.drawString("  " + Report.number(bar.value() / reference) + "\u00d7", x + metrics.stringWidth(value), baseline);
    }
  }

  private static String fit(Graphics2D g, String text, int width) {
    FontMetrics metrics = g.getFontMetrics();
    if (metrics.stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (!cut.isEmpty() && metrics.stringWidth(cut + "\u2026") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "\u2026";
  }
}
