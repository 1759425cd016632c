import Foundation
import Testing
import TestSupport

/// Accident statistics end to end on `Tests/Fixtures/statistics` (a CSV with
/// a BOM, CRLF line ends, quoted fields and blank trailing lines). The
/// expected aggregates are computed by hand in the fixture's categories.yaml:
/// an incomplete latest year (2025, to June) compared with the same months of
/// 2024, and a category (industry) with no rows in 2024.
@Suite(.serialized) struct StatisticsFixtureTests {
    static let built: Result<String, any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.fixture("statistics"), "-o", out, "--build-date", "2025-07-01"])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr) }
        return out
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: try Self.built.get() + "/" + path, encoding: .utf8)
    }

    func json() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: try Self.built.get() + "/data/accidents.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The cells of a table row whose header cell is `label`.
    func row(_ html: String, section: String, label: String) -> [String]? {
        guard let start = html.range(of: "id=\"\(section)\""),
              let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return nil }
        let table = String(html[start.upperBound..<end.lowerBound])
        guard let head = table.range(of: "<th scope=\"row\">\(label)</th>"),
              let close = table.range(of: "</tr>", range: head.upperBound..<table.endIndex) else { return nil }
        let cells = String(table[head.upperBound..<close.lowerBound])
        let regex = try? NSRegularExpression(pattern: "<td>([^<]*)</td>")
        return regex?.matches(in: cells, range: NSRange(cells.startIndex..., in: cells)).compactMap {
            Range($0.range(at: 1), in: cells).map { String(cells[$0]) }
        }
    }

    @Test func yearsMatchTheHandComputedTotals() throws {
        let years = try #require(try json()["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2023, 2024, 2025])
        #expect(years.map { $0["complete"] as? Bool } == [true, true, false])
        let totals = years.compactMap { $0["totals"] as? [String: Any] }
        #expect(totals.map { $0["accidents"] as? Int } == [21, 9, 5])
        #expect(totals.map { $0["deaths"] as? Int } == [4, 2, 1])
        #expect(totals.map { $0["injuries"] as? Int } == [14, 5, 2])
        #expect(totals.map { $0["loss"] as? Double } == [112.5, 24.5, 11.5])
        #expect(totals.map { $0["major_accidents"] as? Int } == [2, 0, 0])
        let change = try #require(years[1]["accidents_change"] as? [String: Any])
        #expect(change["difference"] as? Int == -12)
        #expect(change["percent"] as? Double == -57.1)
        #expect(years[2]["accidents_change"] is NSNull, "no year-on-year change for an incomplete year")

        let ytd = try #require(try json()["year_to_date"] as? [String: Any])
        #expect(ytd["through_month"] as? Int == 6)
        #expect((ytd["previous"] as? [String: Any])?["accidents"] as? Int == 4)
        #expect((ytd["previous"] as? [String: Any])?["loss"] as? Double == 10.5)
        #expect((ytd["accidents_change"] as? [String: Any])?["percent"] as? Int == 25)
        #expect((ytd["deaths_change"] as? [String: Any])?["difference"] as? Int == 0)
    }

    @Test func categoriesAndRegionsMatch() throws {
        let categories = try #require(try json()["by_category"] as? [[String: Any]])
        func accidents(_ entry: [String: Any]) -> [Int?] {
            (entry["years"] as? [[String: Any]] ?? []).map { ($0["totals"] as? [String: Any])?["accidents"] as? Int }
        }
        #expect(categories.map { $0["id"] as? String } == ["road", "fire", "industry"])
        #expect(categories.map(accidents) == [[16, 8, 1], [3, 1, 3], [2, 0, 1]])
        let regions = try #require(try json()["by_region"] as? [[String: Any]])
        #expect(regions.map(accidents) == [[13, 6, 2], [8, 3, 3]])
    }

    @Test func thePageShowsTheSameNumbers() throws {
        let zh = try page("statistics/index.html")
        #expect(row(zh, section: "by-year", label: "2024")?.prefix(4) == ["9", "−12（−57.1%）", "2", "−2（−50%）"])
        #expect(row(zh, section: "by-year", label: "2025（1–6月）")?.prefix(2) == ["5", "—"])
        #expect(row(zh, section: "ytd", label: "2024年同期") == ["4", "1", "2", "10.5"])
        #expect(row(zh, section: "by-category", label: "工矿商贸") == ["2 / 1", "0 / 0", "1 / 0"])
        #expect(row(zh, section: "by-region", label: "北区") == ["13 / 2", "6 / 1", "2 / 0"])
        let en = try page("en/statistics/index.html")
        #expect(row(en, section: "by-year", label: "2024")?.prefix(4) == ["9", "−12 (−57.1%)", "2", "−2 (−50%)"])
        #expect(row(en, section: "ytd", label: "Same months of 2024") == ["4", "1", "2", "10.5"])
        #expect(en.contains("10,000 yuan"))
        #expect(zh.contains("万元"))
        for html in [zh, en] {
            #expect(html.contains("<p class=\"notice notice-sample\" data-search-ignore>"), "sample: true in categories.yaml shows the notice")
            #expect(html.contains("role=\"img\" aria-labelledby=\"chart-trend-title chart-trend-desc\""))
            #expect(html.contains("href=\"../data/accidents.csv\"") || html.contains("href=\"../../data/accidents.csv\""))
        }
    }

    @Test func theNormalisedCSVRoundTrips() throws {
        let csv = try String(contentsOfFile: try Self.built.get() + "/data/accidents.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n")
        // The fixture's figures are samples: a copy of the file says so on every row.
        #expect(lines.first == "period,region,category,accidents,deaths,injuries,loss,severity,sample")
        #expect(lines.count == 13)
        #expect(lines.contains("2023,south,industry,2,1,0,30,major,true"))
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",true") })
        #expect(!csv.contains("\r") && !csv.hasPrefix("\u{FEFF}"))
    }

    @Test func eachFaultGivesOneDiagnosticAtItsLine() throws {
        let out = try Fixture.temporaryFolder() + "/public"
        let broken = try Fixture.write("""
            -- statistics/accidents.csv --
            period,region,category,accidents,deaths,injuries,loss
            2024-13,north,road,1,0,0,1
            2024-01,west,road,1,0,0,1
            2024-01,north,boats,1,0,0,1
            2024-02,north,road,-1,0,0,1
            2024-02,north,fire,two,0,0,1
            2024-03,north,road,0,2,0,0
            2024-04,north,road,1,0,0,1
            "2024-04",north,road,2,0,0,1
            2024-05,"north, south",road,1,0,0,1
            """, base: Repository.fixture("statistics"))
        let result = try CommandRunner.genSite(["build", broken, "-o", out])
        #expect(result.status == 1)
        let file = "\(broken)/statistics/accidents.csv"
        let expected = ["2:1: error[invalid-period]", "3:9: error[unknown-region]", "4:15: error[unknown-category]",
                        "5:20: error[negative-count]", "6:20: error[invalid-number]", "7:22: error[deaths-without-accidents]",
                        "9:1: error[duplicate-row]", "10:9: error[unknown-region]"]
        for item in expected {
            #expect(result.stderr.contains("\(file):\(item)"), "missing \(item) in:\n\(result.stderr)")
        }
        #expect(result.stderr.components(separatedBy: "accidents.csv:").count - 1 == expected.count, "one diagnostic per fault:\n\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))

        let header = try Fixture.write("""
            -- statistics/accidents.csv --
            period,area,category,accidents,deaths,injuries,loss
            2024,north,road,1,0,0,1
            """, base: Repository.fixture("statistics"))
        let headerResult = try CommandRunner.genSite(["check", header])
        #expect(headerResult.status == 1)
        #expect(headerResult.stderr.contains("accidents.csv:1:8: error[unknown-column]"), "\(headerResult.stderr)")
        #expect(headerResult.stderr.contains("accidents.csv:1:1: error[missing-column]"), "\(headerResult.stderr)")
    }
}
