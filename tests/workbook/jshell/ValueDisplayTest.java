package workbook.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValueDisplayTest {
    record Row(int id, String email) {
    }

    @Test
    void plainValuesShowAsTheirToStringAndStringsUnquoted() {
        assertThat(ValueDisplay.show(42)).isEqualTo("42");
        assertThat(ValueDisplay.show("alice@example.com")).isEqualTo("alice@example.com");
        assertThat(ValueDisplay.show("")).isEqualTo("\"\"");
        assertThat(ValueDisplay.show(null)).isEqualTo("null");
        assertThat(ValueDisplay.show(Optional.of(new Row(1, "a")))).isEqualTo("Optional[Row[id=1, email=a]]");
        assertThat(ValueDisplay.show(Optional.empty())).isEqualTo("Optional.empty");
    }

    @Test
    void shortCollectionsStayOnOneLine() {
        assertThat(ValueDisplay.show(List.of("a", "b"))).isEqualTo("[a, b]");
        assertThat(ValueDisplay.show(new int[] {1, 2, 3})).isEqualTo("[1, 2, 3]");
        assertThat(ValueDisplay.show(new String[][] {{"x"}, {"y", "z"}})).isEqualTo("[[x], [y, z]]");
        assertThat(ValueDisplay.show(List.of())).isEqualTo("[]");
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("alice", 1);
        map.put("bob", 2);
        assertThat(ValueDisplay.show(map)).isEqualTo("{alice=1, bob=2}");
    }

    @Test
    void aListOfRecordsTooWideForOneLineShowsOneRowPerLine() {
        List<Row> rows = List.of(new Row(1, "alice.anderson@example.com"), new Row(2, "bob.brown@example.com"),
                new Row(3, "carol.clark@example.com"));

        assertThat(ValueDisplay.show(rows)).isEqualTo("""
                [Row[id=1, email=alice.anderson@example.com],
                 Row[id=2, email=bob.brown@example.com],
                 Row[id=3, email=carol.clark@example.com]]""");
    }

    @Test
    void aLongListShowsItsFirstElementsAndHowManyMore() {
        List<Integer> many = new ArrayList<>(IntStream.range(0, 120).boxed().toList());

        String shown = ValueDisplay.show(many);

        assertThat(shown.lines()).hasSize(ValueDisplay.MAX_ELEMENTS + 1);
        assertThat(shown).startsWith("[0,\n 1,\n").endsWith(" 49,\n ... 70 more]");
    }
}
