package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.engine.actuals.Actuals;
import dev.interlock.engine.actuals.ActualsReader;
import dev.interlock.engine.analyses.Backtest;
import dev.interlock.engine.analyses.BacktestResult;
import dev.interlock.engine.scenario.ScenarioLoader;
import java.util.List;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class BacktestChartsTest {
    @Test
    void oneFanPerScoredMetricWithTheActualsOverlaidAndTheOriginMarked() throws Exception {
        var dir = TestRuns.shipped("actuals");
        var base = ScenarioLoader.load(dir.resolve("cdnow.yaml"));
        Actuals a = ActualsReader.read(dir.resolve("cdnow.csv"), dir.resolve("cdnow.cohorts.csv"), null);
        BacktestResult r = Backtest.run(base, a, new Backtest.Options(9, 0, false, 500, base.seed(), 1, 1000, true));
        List<BacktestCharts.Fan> fans = BacktestCharts.fans(r, InterlockTheme.standard());
        assertThat(fans).isNotEmpty();
        assertThat(fans).extracting(BacktestCharts.Fan::metric).containsExactlyElementsOf(r.metrics());
        for (BacktestCharts.Fan f : fans) {
            XYPlot p = f.figure().chart().getXYPlot();
            assertThat(ChartKinds.seriesCount(f.figure().chart())).isEqualTo(4);   // 2 bands, median, actuals
            assertThat(p.getDataset(1).getSeriesKey(1)).isEqualTo("actuals");
            assertThat(p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(1);
        }
    }
}
