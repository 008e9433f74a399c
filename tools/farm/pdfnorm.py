"""Makes a producer's PDF byte-stable: the dates and the document ID that
producers stamp from the clock or at random are rewritten in place, with the
same length, so the cross-reference offsets stay valid."""
import hashlib
import re

FIXED_DATE = b"20240101000000"

_DATE = re.compile(rb"(/(?:CreationDate|ModDate)\s*\(D:)([0-9]+)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]*)(<)")
_XMP_UUID = re.compile(rb"(uuid:)([0-9a-fA-F-]{36})")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)")
_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9a-fA-F]+)(>\s*<)([0-9a-fA-F]+)(>)")


def _fixed_digits(n):
    return (FIXED_DATE * (n // len(FIXED_DATE) + 1))[:n]


def normalize_bytes(data):
    data = _DATE.sub(lambda m: m.group(1) + _fixed_digits(len(m.group(2))), data)

    def xmp(m):
        body = m.group(2)
        fixed = b"2024-01-01T00:00:00" + b"Z" * max(0, len(body) - 19)
        return m.group(1) + fixed[:len(body)] + m.group(3)
    data = _XMP_DATE.sub(xmp, data)
    data = _XMP_UUID.sub(lambda m: m.group(1) + b"00000000-0000-0000-0000-000000000000", data)
    # The ID becomes a digest of everything else, so equal content gives an
    # equal ID and different content still gets a different one.
    blank = _ID.sub(lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3)
                    + b"0" * len(m.group(4)) + m.group(5), data)
    blank = _CHECKSUM.sub(lambda m: m.group(1) + b"0" * len(m.group(2)), blank)
    digest = hashlib.sha256(blank).hexdigest().encode()

    def ident(m):
        a = (digest * 4)[:len(m.group(2))]
        b = (digest * 4)[:len(m.group(4))]
        return m.group(1) + a + m.group(3) + b + m.group(5)
    out = _ID.sub(ident, blank)
    return _CHECKSUM.sub(lambda m: m.group(1) + (digest * 4)[:len(m.group(2))].upper(), out)


def normalize_pdf(path):
    with open(path, "rb") as f:
        data = f.read()
    fixed = normalize_bytes(data)
    if fixed != data:
        with open(path, "wb") as f:
            f.write(fixed)
