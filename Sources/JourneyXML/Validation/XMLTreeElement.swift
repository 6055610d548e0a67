/// An element of an XML document read by `XMLTreeReader`: plain Swift values, no pointers.
///
/// Only what a reader of a data format needs is kept: names with their namespaces, attribute
/// values, the text directly inside the element, child elements and the line of the start
/// tag. Comments and processing instructions are dropped; character and entity references
/// are already replaced by the characters they stand for.
package struct XMLTreeElement: Hashable, Sendable {
    /// One attribute of an element, with its value as the application sees it.
    struct Attribute: Hashable, Sendable {
        /// The local name, without a prefix.
        var name: String
        /// The namespace URI, nil for an unprefixed attribute.
        var namespace: String?
        var value: String
    }

    /// The local name, without a prefix.
    package var name: String
    /// The namespace URI, nil when the element is in no namespace.
    package var namespace: String?
    /// The attributes in document order, namespace declarations excluded.
    var attributes: [Attribute]
    /// The child elements in document order.
    package var children: [XMLTreeElement]
    /// The text and CDATA sections directly inside the element, joined in order, exactly as
    /// the application sees them: no white space trimmed, character references replaced.
    package var text: String
    /// The line libxml2 gives for the element: where its start tag ends (1-based), 0 when unknown.
    package var line: Int

    /// The value of the unprefixed attribute `name`, if the element has it.
    package func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The child elements called `name` in the namespace `namespace`, in order.
    func children(named name: String, in namespace: String?) -> [XMLTreeElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The first child element called `name` in the namespace `namespace`.
    func child(named name: String, in namespace: String?) -> XMLTreeElement? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    /// This element and every element inside it, in document order (the order of their start tags).
    package var descendantsAndSelf: [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        var stack: [XMLTreeElement] = [self]
        while let element = stack.popLast() {
            result.append(element)
            stack.append(contentsOf: element.children.reversed())
        }
        return result
    }
}
