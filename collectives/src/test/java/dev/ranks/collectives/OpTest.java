package dev.ranks.collectives;

import dev.ranks.collectives.testkit.IntracommJobs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ranks.comm.ErrorClass;
import dev.ranks.comm.RanksException;
import dev.ranks.comm.testkit.CommSizes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/** Reduction operations: names, object arithmetic, and the errors for data an operation does not apply to. */
class OpTest {
    @Test
    void namedFindsEveryBuiltInIgnoringCase() {
        for (Op op : Op.builtIns()) {
            assertSame(op, Op.named(op.name().toLowerCase(Locale.ROOT)));
            assertTrue(op.commutative(), op::name);
        }
        assertEquals(List.of("SUM", "PROD", "MAX", "MIN", "LAND", "LOR", "LXOR", "BAND", "BOR", "BXOR", "MAXLOC",
                "MINLOC"), Op.builtIns().stream().map(Op::name).toList());
        assertSame(Op.MAXLOC, Op.named("MaxLoc"));
    }

    @Test
    void namedRejectsAnUnknownNameListingTheChoices() {
        RanksException e = assertThrows(RanksException.class, () -> Op.named("average"));
        assertEquals(ErrorClass.USAGE, e.errorClass());
        assertTrue(e.getMessage().contains("'average'") && e.getMessage().contains("SUM")
                && e.getMessage().contains("MINLOC"), e.getMessage());
    }

    @Test
    void objectSumWidensInsteadOfOverflowing() {
        assertEquals(3, Op.SUM.<Object>apply(1, 2));
        assertEquals(2_147_483_648L, Op.SUM.<Object>apply(Integer.MAX_VALUE, 1));
        assertEquals(-2_147_483_649L, Op.SUM.<Object>apply(Integer.MIN_VALUE, -1));
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), Op.SUM.<Object>apply(Long.MAX_VALUE, 1L));
        assertEquals(4_611_686_014_132_420_609L, Op.PROD.<Object>apply(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(7L, Op.SUM.<Object>apply(3, 4L));
        assertEquals(2.5, Op.SUM.<Object>apply(2, 0.5));
        assertEquals(new BigDecimal("1.25"), Op.SUM.<Object>apply(new BigDecimal("0.25"), 1));
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({2, 5})
    void objectAllreduceOfIntegersWidensToLong(int size) {
        IntracommJobs.run(size, comm -> {
            Object sum = comm.allreduce(Integer.MAX_VALUE, Op.SUM);
            assertEquals((long) Integer.MAX_VALUE * size, sum);
            assertEquals(Integer.valueOf(size * (size - 1) / 2), comm.allreduce(comm.rank(), Op.SUM));
        });
    }

    @Test
    void objectOpsCompareAndPickAsDocumented() {
        assertEquals("pear", Op.MAX.apply("apple", "pear"));
        assertEquals(2L, Op.MIN.<Object>apply(3, 2L));
        assertEquals(new Loc<>(5, 1), Op.MAXLOC.apply(new Loc<>(5, 3), new Loc<>(5, 1)));
        assertEquals(new Loc<>(5, 1), Op.MAXLOC.apply(new Loc<>(5, 1), new Loc<>(5, 3)));
        assertEquals(new Loc<>(2, 7), Op.MINLOC.apply(new Loc<>(5, 1), new Loc<>(2, 7)));
        assertEquals(true, Op.LXOR.apply(true, false));
        assertEquals(6, Op.BAND.<Object>apply(7, 14));
        assertEquals(BigInteger.valueOf(15), Op.BOR.<Object>apply(BigInteger.valueOf(7), 8));
    }

    @Test
    void objectOpsRefuseValuesTheyDoNotApplyTo() {
        RanksException sum = assertThrows(RanksException.class, () -> Op.SUM.apply("a", "b"));
        assertEquals(ErrorClass.ARG, sum.errorClass());
        assertTrue(sum.getMessage().contains("SUM") && sum.getMessage().contains("String"), sum.getMessage());
        RanksException land = assertThrows(RanksException.class, () -> Op.LAND.apply(1, 0));
        assertTrue(land.getMessage().contains("LAND") && land.getMessage().contains("Integer"), land.getMessage());
        RanksException loc = assertThrows(RanksException.class, () -> Op.MAXLOC.apply(1, 2));
        assertTrue(loc.getMessage().contains("MAXLOC") && loc.getMessage().contains("Loc"), loc.getMessage());
        Op ints = Op.builder("plus", true).ints(Integer::sum).build();
        RanksException user = assertThrows(RanksException.class, () -> ints.apply(1, 2));
        assertTrue(user.getMessage().contains("plus") && user.getMessage().contains("objects"), user.getMessage());
    }

    @Test
    void builderRefusesAnOpWithoutNameOrFunction() {
        RanksException noName = assertThrows(RanksException.class, () -> Op.builder(" ", true));
        assertEquals(ErrorClass.ARG, noName.errorClass());
        RanksException noFunction = assertThrows(RanksException.class, () -> Op.builder("nothing", false).build());
        assertEquals(ErrorClass.ARG, noFunction.errorClass());
        assertTrue(noFunction.getMessage().contains("nothing"), noFunction.getMessage());
        Op op = Op.builder("mine", false).longs(Math::subtractExact).build();
        assertEquals("mine", op.name());
        assertEquals("mine", op.toString());
        assertFalse(op.commutative());
    }

    @ParameterizedTest(name = "{0} ranks")
    @CommSizes({1, 3})
    void arrayOpsRefuseTypesTheyDoNotApplyToBeforeAnyMessage(int size) {
        IntracommJobs.run(size, comm -> {
            RanksException sum = assertThrows(RanksException.class, () -> comm.allreduce(new boolean[2], Op.SUM));
            assertEquals(ErrorClass.ARG, sum.errorClass());
            assertTrue(sum.getMessage().contains("SUM") && sum.getMessage().contains("boolean[]"), sum.getMessage());
            assertEquals(comm.rank(), sum.rank());

            RanksException band = assertThrows(RanksException.class,
                    () -> comm.reduce(new double[2], new double[2], Op.BAND, 0));
            assertEquals(ErrorClass.ARG, band.errorClass());
            assertTrue(band.getMessage().contains("BAND") && band.getMessage().contains("double[]"), band.getMessage());

            Op ints = Op.builder("plus", true).ints(Integer::sum).build();
            RanksException user = assertThrows(RanksException.class, () -> comm.scan(new long[2], ints));
            assertTrue(user.getMessage().contains("plus") && user.getMessage().contains("long[]"), user.getMessage());

            RanksException odd = assertThrows(RanksException.class, () -> comm.allreduce(new double[3], Op.MAXLOC));
            assertEquals(ErrorClass.COUNT, odd.errorClass());
            assertTrue(odd.getMessage().contains("MAXLOC") && odd.getMessage().contains("3"), odd.getMessage());

            int[] counts = oddBlocks(size);
            RanksException oddBlock = assertThrows(RanksException.class, () -> comm.reduceScatter(
                    new int[Blocks.total(counts)], new int[3], counts, Op.MINLOC));
            assertEquals(ErrorClass.COUNT, oddBlock.errorClass());

            RanksException none = assertThrows(RanksException.class, () -> comm.allreduce(new int[1], null));
            assertEquals(ErrorClass.ARG, none.errorClass());

            // The refused calls sent nothing, so the communicator still works.
            int[] one = {1};
            comm.allreduce(one, Op.SUM);
            assertEquals(size, one[0]);
        });
    }

    /** @return counts 3, 2, 2… 3: odd blocks, and an even total where there is more than one */
    private static int[] oddBlocks(int size) {
        int[] counts = Blocks.uniform(size, 2);
        counts[0] = 3;
        counts[size - 1] = size > 1 ? 3 : counts[0];
        return counts;
    }
}
