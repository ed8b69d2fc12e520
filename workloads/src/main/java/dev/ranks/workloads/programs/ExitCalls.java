package dev.ranks.workloads.programs;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a class file so that its calls to {@code System.exit(int)}, {@code Runtime.exit(int)}
 * and {@code Runtime.halt(int)} call {@link ProgramExit} instead. Each replacement takes the same
 * operands off the stack as the call it replaces ({@code Runtime}'s receiver becomes the first
 * argument of a static method), so stack map frames stay valid and are copied as they are.
 * Method references ({@code System::exit}) and reflection are not rewritten.
 */
final class ExitCalls {
    private static final String SYSTEM = "java/lang/System";
    private static final String RUNTIME = "java/lang/Runtime";
    private static final String TARGET = Type.getInternalName(ProgramExit.class);

    private ExitCalls() {
    }

    /**
     * @param classFile a class file
     * @return the class file with the exit calls replaced; the same array when it makes none
     * @throws IllegalArgumentException when ASM cannot read the class file (a newer format than it knows)
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new Calls(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    private static final class Calls extends MethodVisitor {
        private final boolean[] changed;

        Calls(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(SYSTEM) && name.equals("exit") && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, "exit", "(I)V", false);
                changed[0] = true;
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(RUNTIME) && descriptor.equals("(I)V")
                    && (name.equals("exit") || name.equals("halt"))) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, TARGET, name, "(L" + RUNTIME + ";I)V", false);
                changed[0] = true;
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }
    }
}
