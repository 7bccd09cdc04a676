package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TornadoChartTest {
    @Test
    void rowLabelsSayTheInputAsAReaderWould() {
        assertThat(TornadoChart.readable("marketing.channels[paid_search].response.cost_per_lead"))
                .isEqualTo("paid_search cost per lead");
        assertThat(TornadoChart.readable("funnel.win_rate")).isEqualTo("win rate");
        assertThat(TornadoChart.readable("policy.handoff_quality")).isEqualTo("handoff quality (structure)");
        assertThat(TornadoChart.readable("retention.alpha")).isEqualTo("retention alpha");
        assertThat(TornadoChart.readable("onboarding.customers_per_staff_month")).isEqualTo("customers per staff month");
    }

    @Test
    void figureNamesKeepTheirCapitalsInsideASentence() {
        assertThat(TornadoChart.inSentence("Cumulative profit")).isEqualTo("cumulative profit");
        assertThat(TornadoChart.inSentence("CAC")).isEqualTo("CAC");
        assertThat(TornadoChart.inSentence("LTV to CAC")).isEqualTo("LTV to CAC");
    }
}
