/// Two stages, the first converting 10,991 of 20,000 people, 54.955%, against a target of
/// 55%: one decimal would show the conversion as its target.
public let justBelowTargetJourney =
    header + """
        stage A
          reach 20000
          target 55%
          touchpoint "Sees" +1 via site
        stage B
          reach 10991
          touchpoint "Pays" -1 via site
        """
