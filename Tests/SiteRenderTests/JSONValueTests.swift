import Testing
@testable import SiteRender

/// The open-data writer: key order kept, strings escaped so that the text is
/// valid JSON and safe inside HTML or JavaScript.
struct JSONValueTests {
    @Test func stringsAreEscaped() {
        let value = JSONValue.string("燃气 \"quoted\" back\\slash\n\r\t<b>&\u{01}\u{1F}\u{2028}\u{2029}é end")
        #expect(value.serialized() == #""燃气 \"quoted\" back\\slash\n\r\t\u003cb\u003e\u0026\u0001\u001f\u2028\u2029é end""# + "\n")
    }

    @Test func plainStringsAreCopied() {
        #expect(JSONValue.string("").serialized() == "\"\"\n")
        #expect(JSONValue.string("区应急局 Emergency Bureau").serialized() == "\"区应急局 Emergency Bureau\"\n")
        // The bytes of U+2028's neighbours (E2 80 A7, E2 80 AA) are not escaped.
        #expect(JSONValue.string("\u{2027}\u{202A}").serialized() == "\"\u{2027}\u{202A}\"\n")
    }

    @Test func objectsKeepTheirOrderAndIndent() {
        let value = JSONValue.object([("b", .int(2)), ("a", .array([.null, .bool(true), .double(1.5)])), ("c", .object([])), ("d", .array([]))])
        #expect(value.serialized() == """
        {
          "b": 2,
          "a": [
            null,
            true,
            1.5
          ],
          "c": {},
          "d": []
        }

        """)
    }
}
