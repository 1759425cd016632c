import Testing
@testable import SiteModel

@Suite struct ContentNumberTests {
    @Test func decimalsInRangeAreRead() throws {
        #expect(try ContentNumber.decimal("98.5").get() == 98.5)
        #expect(try ContentNumber.decimal("-3").get() == -3)
        #expect(try ContentNumber.decimal("+2").get() == 2)
        #expect(try ContentNumber.decimal(".5").get() == 0.5)
        #expect(try ContentNumber.decimal("2.5E-2").get() == 0.025)
        #expect(try ContentNumber.decimal("1e12").get() == 1e12)
    }

    @Test(arguments: ["1e13", "1e17", "1e300", "-1e300", "99999999999999999999", "1" + String(repeating: "0", count: 300)])
    func decimalsOutOfRangeAreRefused(_ text: String) {
        #expect(ContentNumber.decimal(text) == .failure(.outOfRange))
    }

    @Test(arguments: ["inf", ".inf", "nan", "0x10", "0x1p3", "1,5", "", "1e", "--1", "1.2.3", "一"])
    func whatIsNotADecimalIsRefused(_ text: String) {
        #expect(ContentNumber.decimal(text) == .failure(.notANumber))
    }

    @Test func countsAreDigitsUpToOneBillion() throws {
        #expect(try ContentNumber.count("0").get() == 0)
        #expect(try ContentNumber.count("1000000000").get() == 1_000_000_000)
        #expect(try ContentNumber.count("0000000000000000000000007").get() == 7)
        #expect(ContentNumber.count("1000000001") == .failure(.outOfRange))
        #expect(ContentNumber.count("9223372036854775808") == .failure(.outOfRange))
        #expect(ContentNumber.count("-1") == .failure(.negative))
        #expect(ContentNumber.count("+1") == .failure(.notWhole))
        #expect(ContentNumber.count("1.5") == .failure(.notWhole))
        #expect(ContentNumber.count("1e3") == .failure(.notWhole))
        #expect(ContentNumber.count("0x10") == .failure(.notANumber))
    }

    /// The property every later stage relies on: whatever the text, what is accepted can be scaled
    /// by 100, rounded and made an Int, and a million of them summed, without trapping.
    @Test func everyAcceptedNumberSurvivesTheRenderersArithmetic() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["9", "0", ".", "e", "E", "-", "+", "1", "3", "x", "n", "i", "f"]
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = String((0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined())
            if case .success(let value) = ContentNumber.decimal(text) {
                #expect(value.isFinite && abs(value) <= ContentNumber.maximumMagnitude)
                _ = Int((value * 100).rounded())
                _ = value * 1_000_000
            }
            if case .success(let value) = ContentNumber.count(text) {
                #expect((0...ContentNumber.maximumCount).contains(value))
                #expect(!value.multipliedReportingOverflow(by: 1_500_000).overflow)
            }
        }
    }
}
