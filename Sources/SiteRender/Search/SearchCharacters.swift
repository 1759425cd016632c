/// How search reads text, character by character: the rules the index is
/// built with here and that `Templates/assets/search.js` applies to a query
/// and to the excerpts. The two must agree exactly; the test that runs the
/// script over the example site's index checks that they do.
///
/// - Folding: A–Z, À–Þ and fullwidth letters and digits (ＡＢＣ１２３) become
///   lowercase ASCII / Latin-1; nothing else changes and no character is
///   added or removed, so a folded text lines up with the original.
/// - Classes: *word* characters (ASCII letters and digits, Latin-1 and
///   Latin Extended letters, Greek, Cyrillic) make words; *separators*
///   (white space, ASCII punctuation and symbols, U+0080–U+00BF, the
///   Unicode spaces and invisible marks) split; every other character is
///   indexed one by one: Chinese characters, kana, Hangul and the CJK and
///   fullwidth punctuation (，。、（）《》—…), so a query like （一）开展 is
///   found as it is written.
/// - Words are stemmed by Porter's step 1a (sses → ss, ies → i, s → ""):
///   fires, fire; inspections, inspection.
enum SearchCharacters {
    enum Kind: Equatable { case separator, word, character }

    /// The character as search compares it (see the type's comment).
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A: return v + 0x20
        case 0xC0...0xDE where v != 0xD7: return v + 0x20
        case 0xFF10...0xFF19: return v - 0xFF10 + 0x30
        case 0xFF21...0xFF3A: return v - 0xFF21 + 0x61
        case 0xFF41...0xFF5A: return v - 0xFF41 + 0x61
        default: return v
        }
    }

    /// The class of a folded character.
    @inline(__always)
    static func kind(_ v: UInt32) -> Kind {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) ? .word : .separator
        }
        switch v {
        case 0x80...0xBF, 0xD7, 0xF7: return .separator
        case 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF: return .word
        case 0x1680, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x2064, 0x3000, 0xFEFF: return .separator
        case 0xD800...0xDFFF: return .separator   // never a scalar; listed so the script's rule reads the same
        default: return .character
        }
    }

    /// Porter's step 1a, on a folded word.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        return stem(&bytes)
    }

    /// Porter's step 1a on a folded word's UTF-8 bytes (which it may shorten), as a string.
    static func stem(_ word: inout [UInt8]) -> String {
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard word.count >= n else { return false }
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: n)
            return word[(word.count - n)...].elementsEqual(tail)
        }
        if ends("sses") || ends("ies") {
            word.removeLast(2)
        } else if ends("ss") {
        } else if ends("s") && word.count(where: { $0 & 0xC0 != 0x80 }) >= 3 {
            word.removeLast()
        }
        return String(decoding: word, as: UTF8.self)
    }
}
