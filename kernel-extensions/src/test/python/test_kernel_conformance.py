"""Debian's jupyter_kernel_test suite against the rv Java kernel (run by KernelConformanceIT).

Environment: RV_KERNEL_NAME names the installed kernelspec; JUPYTER_PATH must let Jupyter find it.
"""
import os
import unittest

import jupyter_kernel_test as jkt


class JavaRvKernelTests(jkt.KernelTests):
    kernel_name = os.environ.get("RV_KERNEL_NAME", "java-rv")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "%lsm", "matches": {"lsmagic"}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) {}", "%lsmagic"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "String s = String.valueOf(", "class A {"]
    invalid_code_samples = ["int x = ;", "}"]
    code_page_something = "Math.abs?"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"a" + "b"', "result": "ab"},
        {"code": "%%html\n<b>bold</b>", "mime": "text/html", "result": "<b>bold</b>"},
    ]
    code_display_data = [
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs"
    code_clear_output = 'System.out.println("soon gone"); clearOutput();'


if __name__ == "__main__":
    unittest.main(verbosity=2)
