package com.finagent.application.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filings kept as text: a filing rendered as Markdown (edgartools' rendering of the EDGAR HTML) becomes one
 * document per passage, grouped by filing so that a search returns the filing through its best passage; an
 * EDGAR archive folder listing ({@code index.json}) becomes one document for the filing it holds.
 */
final class EdgarMarkdown {

    private static final int PASSAGE_LENGTH = 600;
    private static final Pattern FORM = Pattern.compile("FORM\\s+([0-9]{1,2}-[A-Z]/A|[0-9]{1,2}-[A-Z]|S-1|DEF 14A)\\b");
    private static final Pattern SIGNED = Pattern.compile("Date:[\\s|]*([A-Z][a-z]+ \\d{1,2}, \\d{4})");
    private static final Pattern REPORTED = Pattern.compile("([A-Z][a-z]+ \\d{1,2}, \\d{4})\\s+Date of Report");
    private static final Pattern ITEM = Pattern.compile("^(Item\\s+\\d+[A-Z]?\\.)\\s+(.{3,160})$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_IN_FILE_NAME = Pattern.compile("(?i)(?:^|[-_])(10-?k|10-?q|8-?k|20-?f|6-?k|s-?1|def-?14a)(?=[-_.])");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);

    private EdgarMarkdown() {
    }

    static List<SearchDocument> passages(String fileName, String markdown, CompanyDirectory directory, String origin) {
        String[] lines = markdown.split("\\R", -1);
        String company = registrant(lines);
        Matcher formMatch = FORM.matcher(markdown);
        String form = formMatch.find() ? formMatch.group(1) : "filing";
        LocalDate date = firstDate(markdown, SIGNED).or(() -> firstDate(markdown, REPORTED)).orElse(null);
        Optional<CompanyDirectory.Company> known = directory.byName(company);
        List<String> symbols = known.map(c -> List.of(c.ticker())).orElse(List.of());
        String url = known.map(c -> "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=" + c.paddedCik()
                + "&type=" + form + "&dateb=&owner=include&count=40").orElse(null);
        String heading = company + " · " + form + (date == null ? "" : " · " + date);
        String keywords = company + " " + String.join(" ", symbols) + " form " + form + " " + EdgarFilings.describeForm(form);

        List<SearchDocument> documents = new ArrayList<>();
        String section = "";
        StringBuilder passage = new StringBuilder();
        for (String raw : lines) {
            String line = Snippets.clean(raw);
            Matcher item = ITEM.matcher(line);
            boolean newSection = item.matches() && !raw.strip().startsWith("|");
            if (newSection || (line.isEmpty() && passage.length() >= PASSAGE_LENGTH)) {
                add(documents, fileName, origin, heading, section, passage, keywords, url, date, symbols);
                if (newSection) {
                    section = item.group(1) + " " + item.group(2);
                }
                continue;
            }
            if (!line.isEmpty()) {
                passage.append(passage.length() == 0 ? "" : " ").append(line);
            }
        }
        add(documents, fileName, origin, heading, section, passage, keywords, url, date, symbols);
        return documents;
    }

    private static void add(List<SearchDocument> documents, String fileName, String origin, String heading, String section,
                            StringBuilder passage, String keywords, String url, LocalDate date, List<String> symbols) {
        String text = passage.toString().strip();
        passage.setLength(0);
        if (text.length() < 40) {
            return;
        }
        String title = section.isEmpty() ? heading : heading + " · " + section;
        documents.add(new SearchDocument(fileName + "#" + documents.size(), origin, title, text,
                keywords + " " + section, url, date, symbols, fileName, false));
    }

    /** The line before "(Exact name of registrant as specified in its charter)". */
    private static String registrant(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toLowerCase(Locale.ROOT).contains("exact name of registrant")) {
                for (int j = i - 1; j >= 0; j--) {
                    String candidate = Snippets.clean(lines[j]);
                    if (!candidate.isEmpty()) {
                        return candidate;
                    }
                }
            }
        }
        return "Unknown registrant";
    }

    private static Optional<LocalDate> firstDate(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(1), LONG_DATE));
            } catch (DateTimeParseException ignored) {
                // Not a date after all ("Date: March 32, 2024"): look further.
            }
        }
        return Optional.empty();
    }

    /**
     * An archive folder listing ({@code {"directory": {"name": "/Archives/edgar/data/CIK/ACCESSION", "item":
     * [{"name", "last-modified", ...}]}}}): the filing's main document and its exhibits.
     */
    static Optional<SearchDocument> fromFolderListing(JsonObject listing, CompanyDirectory directory, String origin) {
        if (!(listing.get("directory") instanceof JsonObject folder)) {
            return Optional.empty();
        }
        String path = folder.getString("name", "");
        Matcher m = Pattern.compile("/Archives/edgar/data/(\\d+)/(\\d{18})").matcher(path);
        if (!m.find()) {
            return Optional.empty();
        }
        long cik = Long.parseLong(m.group(1));
        String accession = m.group(2).substring(0, 10) + "-" + m.group(2).substring(10, 12) + "-" + m.group(2).substring(12);
        JsonArray items = folder.get("item") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        String form = "filing";
        String mainDocument = null;
        LocalDate date = null;
        List<String> exhibits = new ArrayList<>();
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            String name = item.getString("name", "");
            if (!name.endsWith(".htm") || name.startsWith(accession) || name.matches("R\\d+\\.htm")) {
                continue;
            }
            Matcher formInName = FORM_IN_FILE_NAME.matcher(name);
            if (mainDocument == null && formInName.find()) {
                form = formInName.group(1).toUpperCase(Locale.ROOT).replaceFirst("^(\\d+|S|DEF)-?", "$1-").replace("DEF-14A", "DEF 14A");
                mainDocument = name;
                date = EdgarFilings.date(item.getString("last-modified", ""));
            } else {
                exhibits.add(name);
            }
        }
        Optional<CompanyDirectory.Company> company = directory.byCik(cik);
        String companyName = company.map(CompanyDirectory.Company::title).orElse("CIK " + cik);
        List<String> symbols = company.map(c -> List.of(c.ticker())).orElse(List.of());
        String description = EdgarFilings.describeForm(form);
        String text = "Form " + form + (description.isEmpty() ? "" : ", " + description) + ", filed by " + companyName
                + (exhibits.isEmpty() ? "." : ", with exhibits " + String.join(", ", exhibits) + ".");
        return Optional.of(new SearchDocument(accession, origin, companyName + " · " + form + (date == null ? "" : " · filed " + date),
                text, companyName + " " + String.join(" ", symbols), EdgarFilings.archiveUrl(cik, accession, mainDocument),
                date, symbols, null, false));
    }
}
