package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.output.MonthlyCsv;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

class ChartAxesTest {

    @Test
    void withoutACalendarTheMonthAxisLabelsWholeYearsUpToTheLastMonth() {
        ChartContext ctx = new ChartContext("USD", MonthlyCsv.monthLabels(null, 60), 1000);
        assertThat(tickLabels(ChartAxes.months(ctx))).containsExactly("12", "24", "36", "48", "60");
        ChartContext quarter = new ChartContext("USD", MonthlyCsv.monthLabels(null, 18), 1000);
        assertThat(tickLabels(ChartAxes.months(quarter))).containsExactly("3", "6", "9", "12", "15", "18");
        // a horizon that is not a multiple of the step: no tick past the end of the axis
        for (int h : new int[] {9, 13, 15, 20, 23, 25, 37, 49, 50}) {
            NumberAxis axis = ChartAxes.months(new ChartContext("USD", MonthlyCsv.monthLabels(null, h), 1000));
            List<String> labels = tickLabels(axis);
            assertThat(labels).as("h = %d", h).isNotEmpty().doesNotContain("");
            assertThat(Integer.parseInt(labels.get(labels.size() - 1))).as("h = %d", h).isLessThanOrEqualTo(h);
        }
    }

    @Test
    void withACalendarTheMonthAxisStartsAtTheStartMonth() {
        ChartContext ctx = new ChartContext("USD", MonthlyCsv.monthLabels("2027-01", 36), 1000);
        assertThat(tickLabels(ChartAxes.months(ctx))).containsExactly("Jan 2027", "Jul 2027", "Jan 2028", "Jul 2028",
                "Jan 2029", "Jul 2029");
    }

    private static List<String> tickLabels(NumberAxis axis) {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            List<String> out = new ArrayList<>();
            for (Object t : axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 900, 400),
                    RectangleEdge.BOTTOM)) {
                out.add(((NumberTick) t).getText());
            }
            return out;
        } finally {
            g.dispose();
        }
    }
}
