"""The XMP metadata stream: the document information again, the title, and the PDF/UA claim.

PDF/UA asks for the title in XMP ``dc:title`` and for ``pdfuaid:part``; PDF/A asks that every
entry of the document information dictionary agree with its XMP counterpart, and for
``pdfaid:part`` and ``pdfaid:conformance``. The dates are the document's own (``writer.Info``),
so the stream is the same on every run. The packet is generated from a template with every
value escaped; nothing is parsed or edited afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from .writer import Info

CREATOR = "committee_papers"
VARIANTS = {"pdf/a-2b": ("2", "B")}  # PDF/A variant: pdfaid part and conformance
# PDF/A knows only the schemas of XMP itself: any other must be described in the packet.
PDFUA_EXTENSION = """\
  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
     <pdfaProperty:name>part</pdfaProperty:name>
     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
     <pdfaProperty:category>internal</pdfaProperty:category>
     <pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>
    </rdf:li></rdf:Seq></pdfaSchema:property>
   </rdf:li></rdf:Bag></pdfaExtension:schemas>
  </rdf:Description>
"""


def _text(value: str) -> str:
    return escape(value.replace("\n", " "))


def packet(info: Info, variant: str | None = None) -> str:
    """Return the XMP packet of a document with the information ``info``."""
    date = info.moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    title = info.title
    pdfa = ""
    if variant is not None:
        part, conformance = VARIANTS[variant]
        pdfa = (f'  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
                f"   <pdfaid:part>{part}</pdfaid:part>\n"
                f"   <pdfaid:conformance>{conformance}</pdfaid:conformance>\n"
                f"  </rdf:Description>\n{PDFUA_EXTENSION}")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        '   <dc:format>application/pdf</dc:format>\n'
        f'   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{_text(title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"   <dc:creator><rdf:Seq><rdf:li>{_text(info.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        '   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
        f"{_text(info.subject)}</rdf:li></rdf:Alt></dc:description>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"   <xmp:CreateDate>{date}</xmp:CreateDate>\n"
        f"   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n"
        f"   <xmp:CreatorTool>{_text(CREATOR)}</xmp:CreatorTool>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"   <pdf:Producer>{_text(CREATOR)}</pdf:Producer>\n"
        f"   <pdf:Keywords>{_text(info.keywords)}</pdf:Keywords>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        "   <pdfuaid:part>1</pdfuaid:part>\n"
        "  </rdf:Description>\n"
        f"{pdfa}"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )


def metadata(info: Info, variant: str | None = None) -> bytes:
    """Return the XMP packet as the bytes of the metadata stream (UTF-8, ISO 32000-1 §14.3.2)."""
    return packet(info, variant).encode("utf-8")
