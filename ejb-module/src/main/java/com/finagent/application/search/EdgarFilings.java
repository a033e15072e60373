package com.finagent.application.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EDGAR's JSON turned into search documents: a company's submissions ({@code data.sec.gov/submissions/
 * CIK##########.json}, whose {@code filings.recent} holds parallel arrays) and full-text search hits
 * ({@code efts.sec.gov/LATEST/search-index}, an Elasticsearch answer whose {@code _id} is
 * "accession:file name"). Links point at the filing's document in EDGAR's archive.
 */
final class EdgarFilings {

    static final String ARCHIVES = "https://www.sec.gov/Archives/edgar/data/";
    private static final Pattern TICKERS_IN_NAME = Pattern.compile("\\(([A-Z0-9.\\-]{1,10}(?:,\\s*[A-Z0-9.\\-]{1,10})*)\\)");

    private static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry("10-K", "annual report"), Map.entry("10-K/A", "amended annual report"),
            Map.entry("10-Q", "quarterly report"), Map.entry("10-Q/A", "amended quarterly report"),
            Map.entry("8-K", "current report"), Map.entry("8-K/A", "amended current report"),
            Map.entry("20-F", "annual report of a foreign private issuer"), Map.entry("6-K", "current report of a foreign private issuer"),
            Map.entry("3", "initial statement of beneficial ownership (insider)"),
            Map.entry("4", "statement of changes in beneficial ownership (insider transaction)"),
            Map.entry("5", "annual statement of beneficial ownership (insider)"),
            Map.entry("144", "notice of proposed sale of securities"),
            Map.entry("SC 13G", "beneficial ownership report of a passive investor"),
            Map.entry("SC 13G/A", "amended beneficial ownership report of a passive investor"),
            Map.entry("SC 13D", "beneficial ownership report of an active investor"),
            Map.entry("DEF 14A", "definitive proxy statement"), Map.entry("DEFA14A", "additional proxy soliciting materials"),
            Map.entry("PX14A6G", "notice of exempt solicitation"), Map.entry("ARS", "annual report to security holders"),
            Map.entry("S-1", "registration statement"), Map.entry("S-3", "shelf registration statement"),
            Map.entry("S-4", "registration statement for a business combination"),
            Map.entry("S-4/A", "amended registration statement for a business combination"),
            Map.entry("S-8", "registration of securities for employee benefit plans"),
            Map.entry("424B2", "prospectus"), Map.entry("424B3", "prospectus"), Map.entry("424B5", "prospectus supplement"),
            Map.entry("425", "communication about a business combination"), Map.entry("11-K", "annual report of an employee stock plan"),
            Map.entry("CORRESP", "correspondence with the SEC staff"), Map.entry("UPLOAD", "letter from the SEC staff"),
            Map.entry("CT ORDER", "confidential treatment order"), Map.entry("SD", "specialized disclosure (conflict minerals)"));

    /** Form 8-K item numbers and their titles (Form 8-K General Instructions). */
    private static final Map<String, String> ITEMS_8K = Map.ofEntries(
            Map.entry("1.01", "Entry into a Material Definitive Agreement"),
            Map.entry("1.02", "Termination of a Material Definitive Agreement"),
            Map.entry("1.03", "Bankruptcy or Receivership"),
            Map.entry("2.01", "Completion of Acquisition or Disposition of Assets"),
            Map.entry("2.02", "Results of Operations and Financial Condition"),
            Map.entry("2.03", "Creation of a Direct Financial Obligation"),
            Map.entry("2.04", "Triggering Events That Accelerate a Direct Financial Obligation"),
            Map.entry("2.05", "Costs Associated with Exit or Disposal Activities"),
            Map.entry("2.06", "Material Impairments"),
            Map.entry("3.01", "Notice of Delisting or Failure to Satisfy a Listing Rule"),
            Map.entry("3.02", "Unregistered Sales of Equity Securities"),
            Map.entry("3.03", "Material Modification to Rights of Security Holders"),
            Map.entry("4.01", "Changes in Registrant's Certifying Accountant"),
            Map.entry("4.02", "Non-Reliance on Previously Issued Financial Statements"),
            Map.entry("5.01", "Changes in Control of Registrant"),
            Map.entry("5.02", "Departure or Election of Directors or Officers; Compensatory Arrangements"),
            Map.entry("5.03", "Amendments to Articles of Incorporation or Bylaws"),
            Map.entry("5.07", "Submission of Matters to a Vote of Security Holders"),
            Map.entry("7.01", "Regulation FD Disclosure"),
            Map.entry("8.01", "Other Events"),
            Map.entry("9.01", "Financial Statements and Exhibits"));

    private EdgarFilings() {
    }

    static String describeForm(String form) {
        String description = FORMS.get(form == null ? "" : form.strip().toUpperCase(Locale.ROOT));
        return description == null ? "" : description;
    }

    static String describeItems(String items) {
        if (items == null || items.isBlank()) {
            return "";
        }
        List<String> titles = new ArrayList<>();
        for (String item : items.split("[,\\s]+")) {
            String title = ITEMS_8K.get(item.strip());
            titles.add(title == null ? "Item " + item.strip() : "Item " + item.strip() + " " + title);
        }
        return String.join("; ", titles);
    }

    static String archiveUrl(long cik, String accession, String document) {
        String folder = ARCHIVES + cik + "/" + accession.replace("-", "") + "/";
        return document == null || document.isBlank() ? folder + accession + "-index.htm" : folder + document;
    }

    /** The filings in a submissions answer, newest first (as EDGAR lists them). */
    static List<SearchDocument> fromSubmissions(JsonObject submissions, String origin) {
        long cik = Long.parseLong(text(submissions.get("cik"), "0").replaceFirst("^0+(?=.)", ""));
        String company = text(submissions.get("name"), "CIK " + cik);
        List<String> tickers = strings(submissions.get("tickers"));
        JsonObject filings = submissions.get("filings") instanceof JsonObject f ? f : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject recent = filings.get("recent") instanceof JsonObject r ? r : JsonValue.EMPTY_JSON_OBJECT;
        List<String> accessions = strings(recent.get("accessionNumber"));
        List<String> forms = strings(recent.get("form"));
        List<String> dates = strings(recent.get("filingDate"));
        List<String> reportDates = strings(recent.get("reportDate"));
        List<String> documents = strings(recent.get("primaryDocument"));
        List<String> descriptions = strings(recent.get("primaryDocDescription"));
        List<String> items = strings(recent.get("items"));
        List<SearchDocument> result = new ArrayList<>(accessions.size());
        for (int i = 0; i < accessions.size(); i++) {
            String accession = accessions.get(i);
            String form = at(forms, i);
            String formDescription = describeForm(form);
            String itemTitles = describeItems(at(items, i));
            String document = at(documents, i);
            StringBuilder text = new StringBuilder("Form ").append(form);
            if (!formDescription.isEmpty()) {
                text.append(", ").append(formDescription);
            }
            if (!at(reportDates, i).isEmpty()) {
                text.append(", for ").append(at(reportDates, i));
            }
            text.append('.');
            if (!itemTitles.isEmpty()) {
                text.append(' ').append(itemTitles).append('.');
            }
            if (!at(descriptions, i).isEmpty()) {
                text.append(" Document: ").append(at(descriptions, i).toLowerCase(Locale.ROOT)).append('.');
            }
            LocalDate filed = date(at(dates, i));
            result.add(new SearchDocument(accession, origin,
                    company + " · " + form + (filed == null ? "" : " · filed " + filed),
                    text.toString(), company + " " + String.join(" ", tickers),
                    archiveUrl(cik, accession, document), filed, tickers, null, false));
        }
        return result;
    }

    /** The hits of a full-text search answer; each was matched by EDGAR on the filing's full text. */
    static List<SearchDocument> fromFullTextSearch(JsonObject answer, CompanyDirectory directory, String origin) {
        JsonObject hits = answer.get("hits") instanceof JsonObject h ? h : JsonValue.EMPTY_JSON_OBJECT;
        JsonArray list = hits.get("hits") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        List<SearchDocument> result = new ArrayList<>(list.size());
        for (JsonValue value : list) {
            if (!(value instanceof JsonObject hit) || !(hit.get("_source") instanceof JsonObject source)) {
                continue;
            }
            String id = text(hit.get("_id"), "");
            String accession = text(source.get("adsh"), id.contains(":") ? id.substring(0, id.indexOf(':')) : id);
            String file = id.contains(":") ? id.substring(id.indexOf(':') + 1) : "";
            List<String> ciks = strings(source.get("ciks"));
            long cik = ciks.isEmpty() ? 0 : Long.parseLong(ciks.get(0).replaceFirst("^0+(?=.)", ""));
            List<String> names = strings(source.get("display_names"));
            String display = names.isEmpty() ? "CIK " + cik : names.get(0);
            String company = display.replaceAll("\\s*\\([^)]*\\)", "").strip();
            Set<String> symbols = new LinkedHashSet<>();
            for (String name : names) {
                Matcher m = TICKERS_IN_NAME.matcher(name);
                if (m.find() && !m.group(1).startsWith("CIK")) {
                    for (String t : m.group(1).split(",\\s*")) {
                        symbols.add(t.strip());
                    }
                }
            }
            if (symbols.isEmpty()) {
                directory.byCik(cik).ifPresent(c -> symbols.add(c.ticker()));
            }
            String form = text(source.get("form"), text(source.get("file_type"), ""));
            LocalDate filed = date(text(source.get("file_date"), ""));
            StringBuilder text = new StringBuilder("Form ").append(form);
            String formDescription = describeForm(form);
            if (!formDescription.isEmpty()) {
                text.append(", ").append(formDescription);
            }
            String period = text(source.get("period_ending"), "");
            if (!period.isEmpty()) {
                text.append(", for ").append(period);
            }
            text.append('.');
            String itemTitles = describeItems(String.join(",", strings(source.get("items"))));
            if (!itemTitles.isEmpty()) {
                text.append(' ').append(itemTitles).append('.');
            }
            String fileDescription = text(source.get("file_description"), "");
            if (!fileDescription.isEmpty() && !fileDescription.equalsIgnoreCase(form)) {
                text.append(" Document: ").append(fileDescription).append('.');
            }
            result.add(new SearchDocument(id.isEmpty() ? accession : id, origin,
                    company + " · " + form + (filed == null ? "" : " · filed " + filed), text.toString(),
                    company + " " + String.join(" ", symbols), archiveUrl(cik, accession, file), filed,
                    List.copyOf(symbols), accession, true));
        }
        return result;
    }

    static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String text(JsonValue value, String otherwise) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
            return value.toString();
        }
        return otherwise;
    }

    private static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        List<String> result = new ArrayList<>(array.size());
        for (JsonValue v : array) {
            result.add(v instanceof JsonString s ? s.getString() : v.getValueType() == JsonValue.ValueType.NULL ? "" : v.toString());
        }
        return result;
    }
}
