import Testing
@testable import SiteModel

@Suite struct CSVReaderTests {
    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let (records, failure) = CSVReader.parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n")
        #expect(failure == nil)
        #expect(records.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[2].columns == [1, 6, 7])
    }

    @Test func blankLinesAndCarriageReturnsAreSkipped() {
        let (records, _) = CSVReader.parse("a,b\r\n\r\n1,2\r\n\r\n\r\n")
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let (_, failure) = CSVReader.parse("a,b\n1,\"open\n2,3\n")
        #expect(failure?.line == 2)
        #expect(failure?.column == 3)
    }

    @Test func emptyQuotedFieldIsAField() {
        let (records, _) = CSVReader.parse("\"\"\n")
        #expect(records.map(\.fields) == [[""]])
    }

    @Test func periods() {
        #expect(StatisticsPeriod("2024")?.month == nil)
        #expect(StatisticsPeriod("2024-06")?.month == 6)
        for bad in ["2024-13", "2024-00", "2024-6", "2024_06", "24", "+024", "1899", "2024-06-01", "２０２４", "abcd", ""] {
            #expect(StatisticsPeriod(bad) == nil, "\(bad)")
        }
    }
}
