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

    static func normaliseLineEnds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
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
