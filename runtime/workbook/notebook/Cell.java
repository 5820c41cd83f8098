package workbook.notebook;

/** One cell of a notebook, in file order: prose to read, or code to run. */
public sealed interface Cell permits ProseCell, CodeCell {
    /** The 1-based line of the lesson file where the cell starts (for error messages). */
    int line();
}
