import Foundation

/// The ways a published plan writes a day: `2022年8月15日`, `2022 年 8 月 15 日`
/// (cleaned before it gets here), `二〇二五年三月十二日` in a signature,
/// `2025-01-06` or `2025/1/6` in a website's metadata box, and the
/// deadlines of a table's 完成时限 column (`2025年6月底前`).
enum ImportDates {
    /// `2022年8月15日` or `二〇二五年三月十二日` anywhere in the text.
    static func day(in text: String) -> Day? {
        arabicDay(in: text) ?? chineseDay(in: text)
    }

    static func arabicDay(in text: String) -> Day? {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i].isNumber, chars[i].isASCII else { i += 1; continue }
            var j = i
            var parts: [Int] = []
            var ok = true
            for unit in ["年", "月", "日"] {
                var k = j
                while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                guard k > j, k < chars.count, String(chars[k]) == unit, let n = Int(String(chars[j..<k])) else { ok = false; break }
                parts.append(n)
                j = k + 1
            }
            if ok, parts.count == 3, let day = Day(year: parts[0], month: parts[1], day: parts[2]) { return day }
            i += 1
        }
        return nil
    }

    /// `2024年721`, `2024815`, `2024-0815`: a date a web page printed without its marks — digits and
    /// date marks only, a year first, and no day that can be read from it.
    static func isMangledDate(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        let digits = compact.filter { $0.isASCII && $0.isNumber }
        guard digits.count >= 5, digits.count <= 8, let year = Int(digits.prefix(4)), (1990...2100).contains(year),
              compact.allSatisfy({ ($0.isASCII && $0.isNumber) || "年月日-./".contains($0) }) else { return false }
        return day(in: compact) == nil && metadataDay(compact) == nil
    }

    static let chineseDigits: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
                                                   "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    /// `二〇二五年三月十二日`: a year digit by digit, month and day with 十.
    static func chineseDay(in text: String) -> Day? {
        let chars = Array(text)
        var i = 0
        while i + 4 < chars.count {
            let year = chars[i..<(i + 4)].compactMap { chineseDigits[$0] }
            guard year.count == 4, chars[i + 4] == "年" else { i += 1; continue }
            var j = i + 5
            guard let (month, afterMonth) = chineseNumber(chars, from: j), afterMonth < chars.count, chars[afterMonth] == "月" else { i += 1; continue }
            j = afterMonth + 1
            guard let (day, afterDay) = chineseNumber(chars, from: j), afterDay < chars.count, chars[afterDay] == "日" || chars[afterDay] == "号" else { i += 1; continue }
            if let found = Day(year: year.reduce(0) { $0 * 10 + $1 }, month: month, day: day) { return found }
            i += 1
        }
        return nil
    }

    /// 三 → 3, 十 → 10, 十二 → 12, 二十六 → 26, 三十一 → 31; and the index after it.
    static func chineseNumber(_ chars: [Character], from start: Int) -> (Int, Int)? {
        var index = start
        var value = 0
        if index < chars.count, let d = chineseDigits[chars[index]], d > 0 { value = d; index += 1 }
        if index < chars.count, chars[index] == "十" {
            value = (value == 0 ? 1 : value) * 10
            index += 1
            if index < chars.count, let d = chineseDigits[chars[index]], d > 0 { value += d; index += 1 }
        }
        return index > start && value > 0 ? (value, index) : nil
    }

    /// A metadata value: `2025-01-06`, `2025/1/6`, `2025.01.06` or one of the forms above.
    static func metadataDay(_ text: String) -> Day? {
        if let day = day(in: text) { return day }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for separator in ["-", "/", "."] {
            let parts = trimmed.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4 else { continue }
            let numbers = parts.compactMap { part -> Int? in
                let digits = part.prefix { $0.isASCII && $0.isNumber }
                return digits.isEmpty ? nil : Int(digits)
            }
            if numbers.count == 3, let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) { return day }
        }
        return nil
    }

    /// A deadline as a 完成时限 cell writes it: `2025年6月30日前` → 2025-06-30,
    /// `2025年6月底前` / `2025年6月` → 2025-06-30, `2025年底前` / `2025年12月底` → 2025-12-31;
    /// a month without a year (`6月底前`) is in `year`. Nil for `全年`, `长期坚持` and the like.
    static func deadline(_ text: String, year: Int?) -> Day? {
        let cell = text.filter { !$0.isWhitespace }
        if let day = day(in: cell) { return day }
        // A recurring or standing deadline (每年12月底前, 长期坚持) is not one day.
        if ["每年", "每季", "每月", "每半年", "长期", "常态", "持续"].contains(where: { cell.contains($0) }) { return nil }
        let chars = Array(cell)
        var index = 0
        var numbers: [(value: Int, unit: Character)] = []
        while index < chars.count {
            guard chars[index].isASCII, chars[index].isNumber else { index += 1; continue }
            var end = index
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end < chars.count, let value = Int(String(chars[index..<end])) else { break }
            numbers.append((value, chars[end]))
            index = end + 1
        }
        // The last year and month written: a range `2025年5月—6月` ends in June.
        var foundYear = year
        var month: Int?
        for number in numbers {
            if number.unit == "年", (1990...2100).contains(number.value) { foundYear = number.value; month = nil }
            if number.unit == "月", (1...12).contains(number.value) { month = number.value }
        }
        guard let y = foundYear, numbers.contains(where: { $0.unit == "年" || $0.unit == "月" }) else { return nil }
        if let month { return Day(year: y, month: month, day: Day.daysIn(month: month, year: y)) }
        // `2025年底前`, `2025年年底`, `2025年内`
        if cell.contains("年底") || cell.contains("年末") || cell.contains("年内") || cell.hasSuffix("年") {
            return Day(year: y, month: 12, day: 31)
        }
        return nil
    }
}
