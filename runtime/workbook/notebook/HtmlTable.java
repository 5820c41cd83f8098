package workbook.notebook;

import workbook.sql.StatementOutcome.Rows;

/** A result set as a small HTML table, which Jupyter shows as a grid (text/html beside text/plain). */
final class HtmlTable {
    private HtmlTable() {
    }

    static String of(Rows rows) {
        StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
        rows.columns().forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (var row : rows.rows()) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(v == null ? "<i>NULL</i>" : escape(v)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p>").append(rows.totalRows()).append(rows.totalRows() == 1 ? " row" : " rows");
        if (rows.truncated()) {
            html.append(" (first ").append(rows.rows().size()).append(" shown)");
        }
        return html.append("</p>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
