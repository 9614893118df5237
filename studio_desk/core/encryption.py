"""Password-protected copies: AES-256-GCM, key from scrypt, streamed in authenticated chunks.

File layout (all integers big-endian)::

    MAGIC (24 bytes, readable: "StudioDesk encrypted v1\\n")
    log2(n) r p            3 bytes   scrypt cost
    salt                   16 bytes
    nonce prefix           8 bytes
    verifier               32 bytes  HMAC-SHA256(check key, header) - tells a wrong password
                                     apart from a damaged file
    chunks: length (4 bytes) + ciphertext (≤ 1 MiB + 16-byte tag)

Chunk ``i`` uses nonce ``prefix || i`` and associated data ``header || i || last``, so chunks
cannot be reordered, dropped or cut off at the end without decryption failing (the STREAM
construction). Nothing is decrypted into the final place until every chunk has checked out:
callers decrypt into a temporary file and only then use it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from studio_desk.core.errors import StudioDeskError

MAGIC = b"StudioDesk encrypted v1\n"
CHUNK = 1024 * 1024
_SCRYPT_LOG2_N, _SCRYPT_R, _SCRYPT_P = 15, 8, 1  # ~32 MiB, a fraction of a second
_HEADER_LEN = len(MAGIC) + 3 + 16 + 8
_VERIFIER_LEN = 32
MIN_PASSWORD_LENGTH = 4


class WrongPassword(StudioDeskError):
    pass


class TamperedFile(StudioDeskError):
    pass


def is_encrypted(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StudioDeskError(f"密码太短，至少需要 {MIN_PASSWORD_LENGTH} 个字符。")


def _keys(password: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    if not 10 <= log2_n <= 20 or not 1 <= r <= 16 or not 1 <= p <= 4:
        # Refuse absurd costs from a crafted header instead of exhausting memory.
        raise TamperedFile("加密文件的头部已损坏，无法解密。")
    material = Scrypt(salt=salt, length=64, n=2**log2_n, r=r, p=p).derive(password.encode("utf-8"))
    return material[:32], material[32:]


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def encrypt_stream(
    src: BinaryIO,
    dst_write: Callable[[bytes], None],
    password: str,
    size: int,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Encrypt ``size`` bytes from ``src``, handing the output to ``dst_write`` piece by piece."""
    check_password(password)
    salt, prefix = os.urandom(16), os.urandom(8)
    header = MAGIC + bytes([_SCRYPT_LOG2_N, _SCRYPT_R, _SCRYPT_P]) + salt + prefix
    key, check_key = _keys(password, salt, _SCRYPT_LOG2_N, _SCRYPT_R, _SCRYPT_P)
    dst_write(header + hmac.new(check_key, header, hashlib.sha256).digest())
    aes = AESGCM(key)
    done, index = 0, 0
    while True:
        block = src.read(CHUNK)
        done += len(block)
        last = done >= size or len(block) < CHUNK
        nonce = prefix + index.to_bytes(4, "big")
        sealed = aes.encrypt(nonce, block, _aad(header, index, last))
        dst_write(len(sealed).to_bytes(4, "big") + sealed)
        if progress is not None:
            progress(done)
        index += 1
        if last:
            return


def decrypt_file(src: Path, dst: Path, password: str, *, name: str | None = None) -> None:
    """Decrypt ``src`` into ``dst`` (a temporary file the caller owns). Raises a clear error
    naming ``name`` (the clerk's own file, when ``src`` is a local copy of it)."""
    name = name or src.name
    with open(src, "rb") as fh, open(dst, "wb") as out:
        header = fh.read(_HEADER_LEN)
        if not header.startswith(MAGIC[: len(header)]) or not header:
            raise TamperedFile(f"“{name}”不是本程序加密的文件，或文件头已损坏。")
        verifier = fh.read(_VERIFIER_LEN) if len(header) == _HEADER_LEN else b""
        if len(verifier) < _VERIFIER_LEN:
            # Cut off inside its header (a copy interrupted early): not a wrong password.
            raise TamperedFile(
                f"加密副本“{name}”不完整（文件在开头部分就被截断了，只有 {src.stat().st_size:,} 字节），"
                "可能是复制时U盘被拔出。请用完整的文件。没有写入任何数据。"
            )
        log2_n, r, p = header[len(MAGIC)], header[len(MAGIC) + 1], header[len(MAGIC) + 2]
        salt = header[len(MAGIC) + 3 : len(MAGIC) + 19]
        prefix = header[len(MAGIC) + 19 :]
        key, check_key = _keys(password, salt, log2_n, r, p)
        expected = hmac.new(check_key, header, hashlib.sha256).digest()
        if not hmac.compare_digest(verifier, expected):
            raise WrongPassword("密码不正确，无法打开这个加密副本。没有写入任何数据。")
        aes = AESGCM(key)
        index = 0
        damaged = TamperedFile(
            f"加密副本“{name}”已损坏或被改动过（校验未通过），无法使用。没有写入任何数据。"
        )
        while True:
            length_bytes = fh.read(4)
            if len(length_bytes) < 4:
                raise damaged  # ended before the chunk marked last: cut off
            length = int.from_bytes(length_bytes, "big")
            if length < 16 or length > CHUNK + 16:
                raise damaged
            sealed = fh.read(length)
            if len(sealed) < length:
                raise damaged
            nonce = prefix + index.to_bytes(4, "big")
            try:
                block = aes.decrypt(nonce, sealed, _aad(header, index, True))
                last = True
            except InvalidTag:
                try:
                    block = aes.decrypt(nonce, sealed, _aad(header, index, False))
                    last = False
                except InvalidTag as exc:
                    raise damaged from exc
            out.write(block)
            index += 1
            if last:
                if fh.read(1):
                    raise damaged  # bytes after the last chunk
                break
        out.flush()
        os.fsync(out.fileno())
