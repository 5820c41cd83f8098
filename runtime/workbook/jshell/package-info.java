/**
 * Java in the workbook: {@link workbook.jshell.JavaSession} runs a notebook's java cells in one in-process
 * JShell with {@code jdbi} and {@code handle} bound to crm_db and returns each cell's
 * {@link workbook.jshell.JavaCellResult}; {@link workbook.jshell.InteractiveShell} is the same set-up in the
 * real jshell tool, behind {@code ./jbang repl}. Both run snippets through
 * {@link workbook.jshell.WorkbookExecution}, the local execution engine plus query cancelling on stop.
 */
package workbook.jshell;
