import Foundation
import SiteModel

/// A PDF read through `pdftotext -layout` (Debian's poppler-utils, found on the
/// PATH): its text as laid out on the page, then `PDFLayout` puts the lines
/// printed from one paragraph together again and reads tables by their columns.
public enum PDFReader {
    public static func read(path: String) throws(DocumentReader.Failure) -> ImportDocument {
        guard let tool = executable("pdftotext") else {
            throw .missingTool("""
                pdftotext is not on the PATH: install poppler-utils (Debian, Ubuntu: apt-get install poppler-utils), \
                or save the PDF's text as .txt and import that
                """)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-eol", "unix", "-q", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .missingTool("pdftotext could not be run (\(error)): reinstall poppler-utils")
        }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: break
        case 1: throw .unreadable("pdftotext cannot open it: the PDF is damaged, or not a PDF")
        case 3: throw .unreadable("the PDF does not allow its text to be copied (it is protected): import the Word file it was made from")
        default: throw .unreadable("pdftotext failed (exit \(process.terminationStatus))")
        }
        let layout = String(decoding: text, as: UTF8.self)
        guard layout.contains(where: { !$0.isWhitespace }) else {
            throw .unreadable("the PDF has no text to read (a scan?): run OCR on it first, or import the Word file it was made from")
        }
        return PDFLayout.document(layout)
    }

    /// `name` found in a folder of the PATH, executable.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
