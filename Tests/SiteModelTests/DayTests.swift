import Testing
@testable import SiteModel

@Suite struct DayTests {
    @Test func parsesISODates() {
        let day = Day(iso: "2024-09-10")
        #expect(day?.year == 2024 && day?.month == 9 && day?.day == 10)
        #expect(day?.description == "2024-09-10")
    }

    @Test(arguments: ["2023-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01",
                      "2024-1-01", "2024/01/01", "20240101", "", "2024-01-01x", "２０２４-01-01"])
    func rejectsImpossibleOrMisshapenDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
    }

    @Test func ordinalDifferences() throws {
        let a = try #require(Day(iso: "2024-01-01"))
        let b = try #require(Day(iso: "2025-01-01"))
        #expect(b.ordinal - a.ordinal == 366)
        #expect(try #require(Day(iso: "1970-01-01")).ordinal == 0)
        #expect(a < b)
    }
}
