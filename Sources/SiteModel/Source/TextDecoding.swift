import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a file's bytes were turned into text.
public enum TextEncoding: String, Sendable {
    case utf8
    case utf8WithBOM = "utf8-bom"
    case gb18030
}

/// Turns a content file's bytes into normalised text: UTF-8 (a BOM is
/// dropped), or GB18030 when the bytes are not UTF-8 but are valid GB18030.
/// CRLF and lone CR become LF. Binary data (NUL bytes) is refused.
public enum TextDecoding {
    public enum Failure: Error, Sendable, Equatable {
        /// The file holds NUL bytes: it is not text.
        case binary(offset: Int)
        /// Neither UTF-8 nor GB18030; `line` is where the first bad byte is.
        case invalidEncoding(line: Int, column: Int)
    }

    public struct Result: Sendable {
        public var text: String
        public var encoding: TextEncoding
    }

    public static func decode(_ data: Data) -> Swift.Result<Result, Failure> {
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(.binary(offset: nul))
        }
        var body = bytes[...]
        var encoding = TextEncoding.utf8
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            encoding = .utf8WithBOM
        }
        if let text = String(validating: body, as: UTF8.self) {
            return .success(Result(text: normaliseLineEnds(text), encoding: encoding))
        }
        if encoding == .utf8, let text = decodeGB18030(Array(body)) {
            return .success(Result(text: normaliseLineEnds(text), encoding: .gb18030))
        }
        let (line, column) = firstInvalidUTF8(body)
        return .failure(.invalidEncoding(line: line, column: column))
    }

    /// A character that may not appear in an HTML page or an XML feed: C0 controls but tab and line
    /// feed, DEL, the C1 controls, and the noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their
    /// equivalents in every plane). Pasted from PDFs and other programs; invisible in an editor.
    public struct ForbiddenCharacter: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var scalar: Unicode.Scalar

        /// `U+000C`.
        public var codePoint: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// Whether the code point is one of the forbidden characters above (tab and line feed are not).
    public static func isForbidden(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || value == 0x7F || (0x80...0x9F).contains(value)
            || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The forbidden characters of `text`, at most `limit` of them, with their lines and columns.
    public static func forbiddenCharacters(in text: String, limit: Int = 20) -> [ForbiddenCharacter] {
        var found: [ForbiddenCharacter] = []
        var text = text
        text.withUTF8 { bytes in
            var line = 1, lineStart = 0, i = 0
            let count = bytes.count
            func report(_ at: Int, _ scalar: UInt32) {
                var column = 1
                for j in lineStart..<at where bytes[j] & 0xC0 != 0x80 { column += 1 }
                found.append(ForbiddenCharacter(line: line, column: column, scalar: Unicode.Scalar(scalar) ?? "\u{FFFD}"))
            }
            while i < count, found.count < limit {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0A { line += 1; lineStart = i + 1 } else if (byte < 0x20 && byte != 0x09) || byte == 0x7F { report(i, UInt32(byte)) }
                    i += 1
                    continue
                }
                if byte == 0xC2, i + 1 < count, (0x80...0x9F).contains(bytes[i + 1]) {
                    report(i, UInt32(bytes[i + 1]))
                } else if byte == 0xEF, i + 2 < count {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0xB7, (0x90...0xAF).contains(b2) { report(i, 0xFDC0 + UInt32(b2 & 0x3F)) }
                    if b1 == 0xBF, b2 == 0xBE || b2 == 0xBF { report(i, 0xFFC0 + UInt32(b2 & 0x3F)) }
                } else if byte >= 0xF0, i + 3 < count, bytes[i + 1] & 0x0F == 0x0F, bytes[i + 2] == 0xBF,
                          bytes[i + 3] == 0xBE || bytes[i + 3] == 0xBF {
                    // U+1FFFE … U+10FFFF: the low sixteen bits are FFFE or FFFF.
                    let scalar = UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    report(i, scalar)
                }
                // Skip the sequence: its length from the lead byte.
                i += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            }
        }
        return found
    }

    /// CRLF and a lone CR become LF. One pass over the bytes: Foundation's
    /// `replacingOccurrences` took 11 s and 1.2 GB for a file of 19 million CRs.
    static func normaliseLineEnds(_ text: String) -> String {
        guard text.utf8Contains(13) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 13 {
                bytes.append(10)
                afterCR = true
            } else {
                if !(byte == 10 && afterCR) { bytes.append(byte) }
                afterCR = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line and column (in scalars) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            let end = index + length
            guard end <= bytes.endIndex,
                  String(validating: bytes[index..<end], as: UTF8.self) != nil
            else { return (line, column) }
            if byte == 10 { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }

    /// GB18030 through the C library's iconv, which every glibc has.
    static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                if status == -1 || inLeft != 0 { return -1 }
                return outBuffer.count - outLeft
            }
        }
        guard converted >= 0 else { return nil }
        let utf8 = output[0..<converted].map { UInt8(bitPattern: $0) }
        return String(validating: utf8, as: UTF8.self)
    }
}
