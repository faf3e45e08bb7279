package org.tapscore.server.contact;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of an Excel workbook, read with POI's streaming (SAX) reader: the workbook is never built in
 * memory, which a 100,000-row sheet would not survive in a small heap. Cells come as Excel shows them.
 */
final class XlsxSource implements TabularSource {
    private final Path file;

    XlsxSource(Path file) {
        this.file = file;
    }

    @Override
    public void forEachRow(RowConsumer rows) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                        new RowCollector(rows), new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The file is not a readable Excel workbook (.xlsx)", e);
        }
    }

    /** Turns POI's cell callbacks back into rows, filling cells Excel left out (empty ones) with "". */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowConsumer rows;
        private final List<String> cells = new ArrayList<>();
        private int width = -1;

        RowCollector(RowConsumer rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                if (width < 0) {
                    width = cells.size(); // the header row
                }
                // Excel leaves out empty cells at the end of a row too; unlike in a CSV they are not missing.
                while (cells.size() < width) {
                    cells.add("");
                }
                rows.accept(rowNum + 1, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value.strip());
        }
    }
}
