import CZlibInflate
import Foundation

/// Reads the parts of a zip archive (an .xlsx workbook) from its bytes: the
/// central directory, then each part stored or deflated, inflated by zlib with
/// a limit on its size. Written for damaged files: every offset and size is
/// checked against the bytes there are, and inflating a stream that is cut short
/// or makes no progress stops with a failure (ZIPFoundation 0.9.20, which writes
/// the workbooks, traps on some damaged archives in memory and loops forever on
/// a truncated deflate stream).
struct ZipReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// A part larger than the limit, rather than a damaged archive.
        var isTooLarge = false
    }

    struct Entry {
        var method: UInt16
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
    }

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    static let maximumEntries = 10_000

    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        let count = bytes.count
        guard count >= 22 else { throw Failure(description: "too short for a zip archive") }
        // The end of central directory record: 22 bytes and a comment of at most 65,535.
        var end = -1
        var index = count - 22
        while index >= max(0, count - 22 - 65_535) {
            if u32(index) == 0x0605_4B50 { end = index; break }
            index -= 1
        }
        guard end >= 0 else { throw Failure(description: "no zip directory") }
        let total = Int(u16(end + 10))
        let size = Int(u32(end + 12)), offset = Int(u32(end + 16))
        guard total <= Self.maximumEntries, offset + size <= end else {
            throw Failure(description: "the zip directory is damaged or in the zip64 form")
        }
        var position = offset
        for _ in 0..<total {
            guard position + 46 <= offset + size, u32(position) == 0x0201_4B50 else { throw Failure(description: "a damaged zip directory entry") }
            let method = u16(position + 10)
            let compressed = Int(u32(position + 20)), uncompressed = Int(u32(position + 24))
            let nameLength = Int(u16(position + 28)), extraLength = Int(u16(position + 30)), commentLength = Int(u16(position + 32))
            let local = Int(u32(position + 42))
            let nameEnd = position + 46 + nameLength
            guard nameEnd <= offset + size else { throw Failure(description: "a damaged zip directory entry") }
            let name = String(decoding: bytes[(position + 46)..<nameEnd], as: UTF8.self)
            entries[name] = Entry(method: method, compressedSize: compressed, uncompressedSize: uncompressed, localHeader: local)
            position = nameEnd + extraLength + commentLength
        }
    }

    func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// The part's bytes; nil when the archive has no such part.
    func read(_ name: String, limit: Int) throws(Failure) -> Data? {
        guard let entry = entries[name] else { return nil }
        let header = entry.localHeader
        guard header + 30 <= bytes.count, u32(header) == 0x0403_4B50 else { throw Failure(description: "\(name): a damaged local header") }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(description: "\(name) is cut short") }
        guard entry.uncompressedSize <= limit else { throw Failure(description: "\(name) is \(entry.uncompressedSize) bytes", isTooLarge: true) }
        let stored = bytes[start..<(start + entry.compressedSize)]
        switch entry.method {
        case 0: return Data(stored)
        case 8: return try Self.inflate(stored, limit: limit, name: name)
        default: throw Failure(description: "\(name): compression method \(entry.method) is not read")
        }
    }

    /// Raw deflate → bytes, at most `limit` of them.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int, name: String) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var input = Array(input)
        let result: Result<Void, Failure> = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let before = (stream.avail_in, stream.total_out)
                let status = buffer.withUnsafeMutableBufferPointer { target -> Int32 in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlibInflate.inflate(&stream, Z_NO_FLUSH)
                }
                output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
                if output.count > limit { return .failure(Failure(description: "\(name) inflates to more than \(limit) bytes", isTooLarge: true)) }
                if status == Z_STREAM_END { return .success(()) }
                guard status == Z_OK || status == Z_BUF_ERROR else { return .failure(Failure(description: "\(name): damaged compressed data")) }
                if (stream.avail_in, stream.total_out) == before || (stream.avail_in == 0 && stream.avail_out != 0) {
                    return .failure(Failure(description: "\(name): the compressed data is cut short"))
                }
            }
        }
        if case .failure(let failure) = result { throw failure }
        return output
    }
}
