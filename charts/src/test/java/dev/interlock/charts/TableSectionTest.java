package dev.interlock.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.charts.TableSection.Cell;
import dev.interlock.charts.TableSection.Column;
import dev.interlock.charts.TableSection.Table;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TableSectionTest {
    @Test
    void cellsAreEscapedAlignedAndEmphasised() {
        Table t = new Table(List.of("what", "value"), List.of(Column.LABEL, Column.NUMBER),
                List.of(List.of(Cell.of("<i>x</i> & y"), new Cell("90%", true))));
        Element body = Jsoup.parseBodyFragment(new TableSection("t", "T", "intro", t, "note").bodyHtml()).body();
        assertThat(body.select("i")).isEmpty();
        assertThat(body.select("td").get(0).text()).isEqualTo("<i>x</i> & y");
        assertThat(body.select("td").get(1).classNames()).containsExactlyInAnyOrder("num", "risk");
        assertThat(body.select("td strong").text()).isEqualTo("90%");
        assertThat(body.select("th.num").text()).isEqualTo("value");
        assertThat(body.select("p.intro").text()).isEqualTo("intro");
        assertThat(body.select("p.note").text()).isEqualTo("note");
    }

    @Test
    void aTableWithoutHeadingsHasNoHeadingRow() {
        Table t = new Table(List.of(), List.of(Column.LABEL, Column.TEXT), List.of(List.of(Cell.of("a"), Cell.of("b"))));
        Element body = Jsoup.parseBodyFragment(new TableSection("t", "T", null, t, null).bodyHtml()).body();
        assertThat(body.select("thead, th")).isEmpty();
        assertThat(body.select("td")).hasSize(2);
    }

    @Test
    void rowsMustFitTheColumns() {
        assertThatThrownBy(() -> new Table(List.of("a", "b"), List.of(Column.LABEL, Column.TEXT),
                List.of(List.of(Cell.of("only one")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells for 2 columns");
    }
}
