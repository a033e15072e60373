package com.finagent.agents.offline.sentiment;

import com.finagent.agents.sentiment.SentimentLabel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        String csv = "text,label\r\n"
                + "plain,1\r\n"
                + "\"with, comma\",2\r\n"
                + "\"say \"\"hi\"\"\",0\r\n"
                + "\"two\r\nlines\nand more\",1\r\n"
                + ",\r\n"
                + "last,2";
        List<List<String>> rows = CsvReader.read(new StringReader(csv));
        assertEquals(List.of(
                List.of("text", "label"),
                List.of("plain", "1"),
                List.of("with, comma", "2"),
                List.of("say \"hi\"", "0"),
                List.of("two\r\nlines\nand more", "1"),
                List.of("", ""),
                List.of("last", "2")), rows);
    }

    @Test
    void rejectsAnUnterminatedQuote() {
        assertThrows(IOException.class, () -> CsvReader.read(new StringReader("a,\"b\r\nc")));
    }

    @Test
    void readsTheTrainingFilesWithTheCountsTheirSourceStates() throws IOException {
        Path data = SentimentData.sharedData();
        assertEquals(Map.of(SentimentLabel.NEGATIVE, 1442, SentimentLabel.POSITIVE, 1923, SentimentLabel.NEUTRAL, 6178),
                counts(SentimentData.tweets(data.resolve(SentimentData.TWEETS_TRAIN))));
        assertEquals(Map.of(SentimentLabel.NEGATIVE, 347, SentimentLabel.POSITIVE, 475, SentimentLabel.NEUTRAL, 1566),
                counts(SentimentData.tweets(data.resolve(SentimentData.TWEETS_VALID))));
        assertEquals(Map.of(SentimentLabel.NEGATIVE, 173, SentimentLabel.POSITIVE, 327),
                counts(SentimentData.surge(data.resolve(SentimentData.SURGE))));
    }

    private static Map<SentimentLabel, Integer> counts(List<SentimentData.Example> examples) {
        Map<SentimentLabel, Integer> counts = new EnumMap<>(SentimentLabel.class);
        examples.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }
}
