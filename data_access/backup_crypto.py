"""Backups encrypted with a passphrase: AES-256-GCM, the key derived from the passphrase by scrypt.

A backup holds every name and ID number in clear, so the file itself is sealed: whoever copies
it without the passphrase reads nothing, and a changed byte (a damaged copy, or tampering) is
found on restore instead of restoring wrong data. The passphrase is never stored; the file
carries what is needed to derive the key again (a random salt and the scrypt cost) and a random
nonce. Layout: MAGIC, log2(n) (1 byte), r, p (1 byte each), salt (16), nonce (12), ciphertext
with its 16-byte tag. The header is authenticated too (it is the associated data).
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from data_access.text import t

MAGIC = b"SQKB-AESGCM-1\n"  # 社区看板 backup, version 1
MIN_PASSPHRASE = 12
_LOG2_N, _R, _P = 15, 8, 1  # scrypt: 2^15 × 8 × 128 B = 32 MB of memory, ~0.1 s per try
_SALT, _NONCE = 16, 12
_HEADER = len(MAGIC) + 3 + _SALT + _NONCE
_LANG = "zh"


class SealProblem(ValueError):
    """The passphrase is wrong or too short, or the file is damaged (reason in Chinese)."""


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise SealProblem(t("backup.passphrase.short", _LANG, length=MIN_PASSPHRASE))


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        # A header asking for more memory than a backup ever does is not one of ours.
        raise SealProblem(t("backup.sealed.damaged", _LANG))
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(data: bytes, passphrase: str) -> bytes:
    """`data` encrypted under `passphrase` (at least MIN_PASSPHRASE characters)."""
    check_passphrase(passphrase)
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    header = MAGIC + bytes((_LOG2_N, _R, _P)) + salt + nonce
    key = _key(passphrase, salt, _LOG2_N, _R, _P)
    return header + AESGCM(key).encrypt(nonce, data, header)


def unseal(blob: bytes, passphrase: str) -> bytes:
    """The data sealed in `blob`; SealProblem for a wrong passphrase or a damaged file (the two
    cannot be told apart, by design of the cipher)."""
    if not is_sealed(blob) or len(blob) < _HEADER + 16:
        raise SealProblem(t("backup.sealed.damaged", _LANG))
    at = len(MAGIC)
    log2_n, r, p = blob[at], blob[at + 1], blob[at + 2]
    salt = blob[at + 3 : at + 3 + _SALT]
    nonce = blob[at + 3 + _SALT : _HEADER]
    key = _key(passphrase, salt, log2_n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, blob[_HEADER:], blob[:_HEADER])
    except InvalidTag:
        raise SealProblem(t("backup.sealed.wrong", _LANG)) from None
